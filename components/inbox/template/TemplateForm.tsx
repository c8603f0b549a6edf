'use client';
import { useId } from 'react';
import { inputClass } from '@/components/ui/Field';
import type { MessageTemplate } from '@/lib/client/types';
import { bodySegments, parameterLabels } from './templateText';

interface Props {
  template: MessageTemplate;
  params: string[];
  onParamChange: (index: number, value: string) => void;
}

/** The picked template: its body with the parameters filled in as typed, and one input per parameter. */
export function TemplateForm({ template: t, params, onParamChange }: Props) {
  const id = useId();
  const labels = parameterLabels(t);

  return (
    <div className="flex min-w-0 flex-col gap-2">
      <figure>
        <figcaption className="mb-1 text-xs font-medium text-gray-700">Preview</figcaption>
        <p
          data-testid="template-preview"
          className="max-h-32 overflow-y-auto rounded-md border border-gray-200 bg-gray-50 px-3 py-2 text-sm break-words whitespace-pre-wrap text-gray-900"
        >
          {t.body
            ? bodySegments(t.body, params).map((s, i) =>
                s.kind === 'text' ? (
                  <span key={i}>{s.text}</span>
                ) : s.value ? (
                  <mark key={i} className="rounded bg-indigo-100 px-0.5 text-indigo-900">{s.value}</mark>
                ) : (
                  <span key={i} className="rounded bg-amber-100 px-0.5 font-mono text-xs text-amber-900">{`{{${s.name}}}`}</span>
                ),
              )
            : <span className="text-gray-500 italic">The provider did not send this template&apos;s text.</span>}
        </p>
      </figure>
      {labels.length > 0 ? (
        <div className="grid grid-cols-[repeat(auto-fill,minmax(10rem,1fr))] gap-2">
          {labels.map((label, i) => (
            <div key={i} className="flex flex-col gap-0.5">
              <label htmlFor={`${id}-p${i}`} className="text-xs font-medium text-gray-700">
                Parameter <span className="font-mono">{label}</span>
              </label>
              <input
                id={`${id}-p${i}`}
                value={params[i] ?? ''}
                onChange={(e) => onParamChange(i, e.target.value)}
                required
                maxLength={1024}
                autoComplete="off"
                data-testid={`template-param-${i + 1}`}
                className={inputClass}
              />
            </div>
          ))}
        </div>
      ) : (
        <p className="text-xs text-gray-500">This template has no parameters.</p>
      )}
    </div>
  );
}
