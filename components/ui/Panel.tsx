import type { ReactNode } from 'react';
import { cn } from './cn';

/** White bordered box that groups a list or a form. */
export function Panel({ title, children, className, testId }: { title?: string; children: ReactNode; className?: string; testId?: string }) {
  return (
    <section data-testid={testId} className={cn('rounded-lg border border-gray-200 bg-white', className)}>
      {title ? <h2 className="border-b border-gray-200 px-4 py-2.5 font-semibold text-gray-900">{title}</h2> : null}
      {children}
    </section>
  );
}
