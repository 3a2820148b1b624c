import { describe, it, expect } from 'vitest';
import type { Indicator } from '../../core/index.js';
import { locateSpan, renderEvidenceText } from '../../web/highlight.js';
import { ind } from './helpers.js';

const TEXT = 'Primera frase sin nada. Las captaron con engaños y las explotaron. Última frase.';

describe('locateSpan', () => {
  it('trusts offsets whose text matches', () => {
    expect(locateSpan(TEXT, { start: 28, end: 36, text: 'captaron' })).toEqual({ start: 28, end: 36 });
  });

  it('finds the nearest occurrence when offsets are stale (text shifted by masking)', () => {
    expect(locateSpan(TEXT, { start: 20, end: 28, text: 'captaron' })).toEqual({ start: 28, end: 36 });
  });

  it('refuses text that is not in the stored text, and out-of-range offsets without text', () => {
    expect(locateSpan(TEXT, { start: 0, end: 10, text: 'Ana Torres' })).toBeNull();
    expect(locateSpan(TEXT, { start: 70, end: 500 })).toBeNull();
  });
});

describe('renderEvidenceText', () => {
  it('wraps each indicator in a <mark> coloured by group with category and weight in the tooltip, inside its sentence', () => {
    const { body, located } = renderEvidenceText(TEXT, [ind(TEXT, 'captaron', 'act.recruitment', 'act', 0.6), ind(TEXT, 'engaños', 'means.deception', 'means', 0.8)]);
    expect(located).toEqual([true, true]);
    expect(body.value).toBe(
      'Primera frase sin nada. <span class="evidence-sentence">Las <mark class="ind g-act" title="act.recruitment · weight 0.6" data-category="act.recruitment">captaron</mark> con ' +
        '<mark class="ind g-means" title="means.deception · weight 0.8" data-category="means.deception">engaños</mark> y las explotaron.</span> Última frase.',
    );
  });

  it('merges overlapping spans into one mark whose tooltip lists both, coloured by the heavier', () => {
    const a = ind(TEXT, 'las explotaron', 'purpose.unspecified', 'purpose', 0.5);
    const b = ind(TEXT, 'explotaron', 'purpose.sexual_exploitation', 'purpose', 0.9);
    const c: Indicator = { ...b, group: 'ilo', category: 'ilo.abusive_conditions', weight: 0.95, start: b.start - 4, end: b.end, text: 's explotaron' };
    const { body } = renderEvidenceText(TEXT, [a, b, c]);
    expect(body.value.match(/<mark /g)).toHaveLength(1);
    expect(body.value).toContain('<mark class="ind g-ilo" title="purpose.unspecified · weight 0.5; ilo.abusive_conditions · weight 0.95; purpose.sexual_exploitation · weight 0.9"');
    expect(body.value).toContain('>las explotaron</mark>');
  });

  it('marks negated hits as negated and does not show hits it cannot locate', () => {
    const neg = ind(TEXT, 'engaños', 'means.deception', 'means', 0.8, { negated: true });
    const ghost: Indicator = { ...neg, negated: false, text: 'secuestro', start: 5, end: 14 };
    const { body, located } = renderEvidenceText(TEXT, [neg, ghost]);
    expect(located).toEqual([true, false]);
    expect(body.value).toContain('<mark class="ind g-means negated" title="means.deception · weight 0.8 · negated or hedged: does not count"');
    expect(body.value).not.toContain('secuestro');
  });

  it('uses the sentence around a hit when the stored sentence span does not contain it', () => {
    const i = { ...ind(TEXT, 'Última', 'event.other', 'event', 0.1), sentence: { start: 0, end: 5 } };
    expect(renderEvidenceText(TEXT, [i]).body.value).toContain('<span class="evidence-sentence"><mark class="ind g-event"');
    expect(renderEvidenceText(TEXT, [i]).body.value).toMatch(/frase\.<\/span>$/);
  });

  it('escapes the text around and inside marks', () => {
    const t = 'a <b>x</b> & "y" trata <i>';
    const { body } = renderEvidenceText(t, [ind(t, 'trata <i>', 'offence.trafficking', 'offence', 1)]);
    expect(body.value).toContain('a &lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot; <mark');
    expect(body.value).toContain('>trata &lt;i&gt;</mark>');
    expect(body.value).not.toMatch(/<(b|i)>/);
  });

  it('leaves text without indicators as plain escaped text', () => {
    expect(renderEvidenceText('x < y', []).body.value).toBe('x &lt; y');
  });
});
