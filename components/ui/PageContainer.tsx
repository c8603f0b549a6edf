import type { ReactNode } from 'react';

/** Scrollable page body for admin and settings screens. */
export function PageContainer({ children }: { children: ReactNode }) {
  return (
    <div className="h-full overflow-y-auto">
      <div className="mx-auto flex max-w-5xl flex-col gap-5 px-6 py-6">{children}</div>
    </div>
  );
}
