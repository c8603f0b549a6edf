import type { ReactNode } from 'react';
import { cn } from './cn';

type Tone = 'gray' | 'green' | 'amber' | 'red' | 'indigo' | 'blue';

const TONES: Record<Tone, string> = {
  gray: 'bg-gray-100 text-gray-700 ring-gray-200',
  green: 'bg-green-50 text-green-800 ring-green-200',
  amber: 'bg-amber-50 text-amber-800 ring-amber-200',
  red: 'bg-red-50 text-red-800 ring-red-200',
  indigo: 'bg-indigo-50 text-indigo-800 ring-indigo-200',
  blue: 'bg-blue-50 text-blue-800 ring-blue-200',
};

export function Badge({ tone = 'gray', children, className, ...rest }: { tone?: Tone; children: ReactNode; className?: string; 'data-testid'?: string }) {
  return (
    <span
      className={cn('inline-flex shrink-0 items-center gap-1 rounded whitespace-nowrap px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset', TONES[tone], className)}
      {...rest}
    >
      {children}
    </span>
  );
}
