import { describe, expect, it } from 'vitest';
import { hotkeyAction } from './hotkeys-controller.ts';

/** Minimal stand-ins for elements on an event path (the test runs in Node, without a DOM). */
class FakeElement {
  constructor(
    readonly tagName: string,
    private readonly attributes: Record<string, string> = {},
    readonly isContentEditable = false,
  ) {}
  getAttribute(name: string): string | null {
    return this.attributes[name] ?? null;
  }
  hasAttribute(name: string): boolean {
    return name in this.attributes;
  }
}
// Node has no DOM: let `instanceof Element` in the code under test see these stand-ins.
(globalThis as { Element?: unknown }).Element = FakeElement;
const el = (tag: string, attrs: Record<string, string> = {}, editable = false): EventTarget =>
  new FakeElement(tag, attrs, editable) as unknown as EventTarget;

const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  isComposing: false,
  defaultPrevented: false,
  ...extra,
});

const body = [el('BODY'), el('HTML')];
const onButton = [el('BUTTON'), el('DIV'), ...body];
const onRange = [el('INPUT', { type: 'range' }), ...body];

describe('hotkeyAction', () => {
  it('maps the documented keys', () => {
    expect(hotkeyAction(key(' '), body)).toBe('togglePlay');
    expect(hotkeyAction(key('ArrowLeft'), body)).toBe('previousSentence');
    expect(hotkeyAction(key('ArrowRight'), body)).toBe('nextSentence');
    expect(hotkeyAction(key('ArrowLeft', { shiftKey: true }), body)).toBe('previousParagraph');
    expect(hotkeyAction(key('ArrowRight', { shiftKey: true }), body)).toBe('nextParagraph');
    expect(hotkeyAction(key('+', { shiftKey: true }), body)).toBe('faster');
    expect(hotkeyAction(key('='), body)).toBe('faster');
    expect(hotkeyAction(key('-'), body)).toBe('slower');
    expect(hotkeyAction(key('?', { shiftKey: true }), body)).toBe('help');
    expect(hotkeyAction(key('a'), body)).toBeNull();
  });

  it('leaves Space to buttons and links, but takes arrows there', () => {
    expect(hotkeyAction(key(' '), onButton)).toBeNull();
    expect(hotkeyAction(key(' '), [el('A', { href: '#/' }), ...body])).toBeNull();
    expect(hotkeyAction(key('ArrowRight'), onButton)).toBe('nextSentence');
    expect(hotkeyAction(key('+'), onButton)).toBe('faster');
  });

  it('leaves every key to inputs, selects and editable text', () => {
    expect(hotkeyAction(key('ArrowRight'), onRange)).toBeNull();
    expect(hotkeyAction(key('-'), onRange)).toBeNull();
    expect(hotkeyAction(key(' '), [el('SELECT'), ...body])).toBeNull();
    expect(hotkeyAction(key(' '), [el('DIV', {}, true), ...body])).toBeNull();
  });

  it('stays out of modifiers, IME composition, open dialogs and handled events', () => {
    expect(hotkeyAction(key('ArrowRight', { ctrlKey: true }), body)).toBeNull();
    expect(hotkeyAction(key('ArrowRight', { altKey: true }), body)).toBeNull();
    expect(hotkeyAction(key('ArrowRight', { metaKey: true }), body)).toBeNull();
    expect(hotkeyAction(key(' ', { isComposing: true }), body)).toBeNull();
    expect(hotkeyAction(key(' ', { defaultPrevented: true }), body)).toBeNull();
    expect(hotkeyAction(key(' '), [el('P'), el('DIALOG', { open: '' }), ...body])).toBeNull();
  });
});
