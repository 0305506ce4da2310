/**
 * The story's form field (`CMS.registerWidget('story', …)`): a plain text area, so the Markdown
 * is saved as typed (Decap's rich-text mode escapes `[` and knows no MDX), and a 插入引语 button
 * that writes the engine's `<Quote by="…">…</Quote>` where the cursor is, the selected text
 * offered as the quotation.
 */
import { createElement as h, useRef, useState, type ChangeEvent, type ReactElement } from 'react';
import { t } from '../../../strings.ts';
import { insertQuote } from './quote.ts';

/** What Decap gives a widget's control (the part the desk uses). */
export interface ControlProps {
  value?: string | null;
  onChange: (value: string) => void;
  forID: string;
  classNameWrapper: string;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
}

export function StoryControl(props: ControlProps): ReactElement {
  const area = useRef<HTMLTextAreaElement>(null);
  const [asking, setAsking] = useState<{ start: number; end: number } | undefined>(undefined);
  const [quote, setQuote] = useState('');
  const [by, setBy] = useState('');
  const value = props.value ?? '';
  const s = t.desk.story;

  const open = () => {
    const el = area.current;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    setQuote(value.slice(start, end));
    setBy('');
    setAsking({ start, end });
  };
  const insert = () => {
    if (!asking || !quote.trim()) return;
    const next = insertQuote(value, asking.start, asking.end, quote, by);
    props.onChange(next.story);
    setAsking(undefined);
    requestAnimationFrame(() => {
      const el = area.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  };

  return h(
    'div',
    { className: 'desk-story' },
    h(
      'div',
      { className: 'desk-story-tools' },
      h('button', { type: 'button', onClick: open, 'aria-expanded': asking !== undefined }, s.insertQuote),
    ),
    asking &&
      h(
        'div',
        { className: 'desk-quote-form', role: 'group', 'aria-label': s.insertQuote },
        h(
          'label',
          null,
          s.quoteText,
          h('textarea', {
            value: quote,
            rows: 3,
            onChange: (e: ChangeEvent<HTMLTextAreaElement>) => setQuote(e.target.value),
          }),
        ),
        h(
          'label',
          null,
          s.quoteBy,
          h('input', {
            type: 'text',
            value: by,
            onChange: (e: ChangeEvent<HTMLInputElement>) => setBy(e.target.value),
          }),
        ),
        h('button', { type: 'button', onClick: insert, disabled: !quote.trim() }, s.insert),
        h('button', { type: 'button', onClick: () => setAsking(undefined) }, s.cancel),
      ),
    h('textarea', {
      ref: area,
      id: props.forID,
      className: props.classNameWrapper,
      value,
      rows: 16,
      onChange: (e: ChangeEvent<HTMLTextAreaElement>) => props.onChange(e.target.value),
      onFocus: props.setActiveStyle,
      onBlur: props.setInactiveStyle,
    }),
  );
}
