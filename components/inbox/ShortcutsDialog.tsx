'use client';
import { Dialog } from '@/components/ui/Dialog';

const SHORTCUTS: Array<[keys: string[], what: string]> = [
  [['j', '↓'], 'Next conversation'],
  [['k', '↑'], 'Previous conversation'],
  [['Enter'], 'Open the selected conversation'],
  [['r'], 'Reply (focus the reply box)'],
  [['e'], 'Resolve / reopen'],
  [['a'], 'Assign to me'],
  [['Enter'], 'In the reply box: send'],
  [['Shift', 'Enter'], 'In the reply box: new line'],
  [['Esc'], 'Leave the reply box'],
  [['?'], 'Show this help'],
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts" testId="shortcuts-dialog">
      <table className="w-full">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={what} className="border-b border-gray-100 last:border-0">
              <td className="py-1.5 pr-4 whitespace-nowrap">
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 ? <span className="px-1 text-gray-400">{keys[0] === 'Shift' ? '+' : 'or'}</span> : null}
                    <kbd className="rounded border border-gray-300 bg-gray-50 px-1.5 py-0.5 font-mono text-xs">{k}</kbd>
                  </span>
                ))}
              </td>
              <td className="py-1.5 text-gray-700">{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-xs text-gray-500">Shortcuts are off while you type in a text field.</p>
    </Dialog>
  );
}
