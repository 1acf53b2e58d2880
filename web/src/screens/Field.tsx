import type { ReactNode } from 'react';

/**
 * A labelled control with its hint and its error beside it: the label alone is the accessible
 * name (hints and errors are its description), so names stay exact in every language.
 */
export function Field(props: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: (aria: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}) {
  const id = `f-${props.name.replace(/\./g, '-')}`;
  const described = [props.hint && `${id}-hint`, props.error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={props.error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <span id={`${id}-hint`} className="hint">
          {props.hint}
        </span>
      )}
      {props.children({
        id,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(props.error ? { 'aria-invalid': true } : {}),
      })}
      {props.error && (
        <span id={`${id}-error`} className="error">
          {props.error}
        </span>
      )}
    </div>
  );
}
