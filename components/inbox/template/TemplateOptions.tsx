'use client';
import { useState } from 'react';
import { cn } from '@/components/ui/cn';
import { templateKey } from '@/lib/client/templates';
import type { MessageTemplate } from '@/lib/client/types';

// Past this many templates a filter box helps more than scrolling.
const FILTER_FROM = 7;

interface Props {
  templates: MessageTemplate[];
  /** templateKey of the picked template. */
  value: string | null;
  onChange: (template: MessageTemplate) => void;
  /** Radio group name, unique per conversation. */
  name: string;
}

function matches(t: MessageTemplate, query: string): boolean {
  const q = query.trim().toLowerCase();
  return !q || [t.name, t.language, t.category ?? '', t.body ?? ''].some((s) => s.toLowerCase().includes(q));
}

/** Approved templates as radio buttons (arrow keys move between them), with a filter for long lists. */
export function TemplateOptions({ templates, value, onChange, name }: Props) {
  const [query, setQuery] = useState('');
  const shown = templates.filter((t) => matches(t, query));

  return (
    <fieldset className="flex min-w-0 flex-col gap-1.5">
      <legend className="mb-1 text-xs font-medium text-gray-700">Approved templates</legend>
      {templates.length >= FILTER_FROM ? (
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-label="Filter templates"
          placeholder="Filter templates…"
          data-testid="template-filter"
          className="h-7 w-full rounded-md border border-gray-300 px-2 text-xs focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
        />
      ) : null}
      <div className="flex max-h-36 flex-col gap-1 overflow-y-auto pr-1">
        {shown.length === 0 ? <p className="px-1 py-2 text-xs text-gray-500">No template matches “{query.trim()}”.</p> : null}
        {shown.map((t) => {
          const key = templateKey(t);
          return (
            <label
              key={key}
              data-testid="template-option"
              data-name={t.name}
              data-language={t.language}
              className={cn(
                'flex cursor-pointer items-start gap-2 rounded-md border px-2.5 py-1.5 has-focus-visible:outline-2 has-focus-visible:outline-indigo-600',
                value === key ? 'border-indigo-500 bg-indigo-50' : 'border-gray-200 hover:bg-gray-50',
              )}
            >
              <input type="radio" name={name} checked={value === key} onChange={() => onChange(t)} className="mt-0.5 accent-indigo-600" />
              <span className="min-w-0 flex-1">
                <span className="flex flex-wrap items-center gap-x-1.5">
                  <span className="font-mono text-xs font-medium text-gray-900">{t.name}</span>
                  <span className="rounded bg-gray-100 px-1 text-xs text-gray-600">{t.language}</span>
                  {t.category ? <span className="text-xs text-gray-500 lowercase">{t.category}</span> : null}
                </span>
                {t.body ? <span className="block truncate text-xs text-gray-500">{t.body}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
