import { describe, expect, it } from 'vitest';
import { checkEntry, exportDictionary, importDictionary, MAX_FROM, parseDictionary, withEntry } from './dictionary.ts';

describe('checkEntry', () => {
  it('takes a word and how to say it, trimmed', () => {
    expect(checkEntry(' 行长 ', '航长', [])).toEqual({ ok: true, entry: { from: '行长', to: '航长' } });
  });

  it.each([
    ['', '航长', 'empty'],
    ['行长', '  ', 'empty'],
    ['长'.repeat(MAX_FROM + 1), '航', 'too-long'],
    ['行长', '行长', 'same'],
  ])('refuses %j → %j (%s)', (from, to, problem) => {
    expect(checkEntry(from, to, [])).toEqual({ ok: false, problem });
  });

  it('refuses a loop through other entries', () => {
    expect(checkEntry('乙', '甲', [{ from: '甲', to: '乙' }])).toEqual({ ok: false, problem: 'loop' });
    expect(checkEntry('丙', '甲', [{ from: '甲', to: '乙' }, { from: '乙', to: '丙' }])).toEqual({ ok: false, problem: 'loop' });
    expect(checkEntry('丙', '丁', [{ from: '甲', to: '乙' }, { from: '乙', to: '丙' }]).ok).toBe(true);
  });

  it('lets an entry replace the one with the same word', () => {
    const dictionary = [{ from: '甲', to: '乙' }];
    const check = checkEntry('甲', '丙', dictionary);
    expect(check.ok).toBe(true);
    if (check.ok) expect(withEntry(dictionary, check.entry)).toEqual([{ from: '甲', to: '丙' }]);
  });
});

describe('export and import', () => {
  it('round-trips through the JSON file', () => {
    const dictionary = [
      { from: '行长', to: '航长' },
      { from: '重新', to: '虫新' },
    ];
    expect(importDictionary(exportDictionary(dictionary), [])).toEqual({ ok: true, dictionary, accepted: 2, refused: 0 });
  });

  it('merges into what is there, counting the entries it refuses', () => {
    const file = JSON.stringify({
      format: 'tingdu-pronunciations',
      version: 1,
      entries: [{ from: '行长', to: '杭长' }, { from: '', to: 'x' }, { from: '长大', to: 42 }, { from: '长大', to: '涨大' }],
    });
    expect(importDictionary(file, [{ from: '行长', to: '航长' }])).toEqual({
      ok: true,
      dictionary: [
        { from: '行长', to: '杭长' },
        { from: '长大', to: '涨大' },
      ],
      accepted: 2,
      refused: 2,
    });
  });

  it.each(['not json', '[]', '{"entries":[]}', 'null'])('refuses a file that is not a dictionary: %s', (text) => {
    expect(importDictionary(text, [])).toEqual({ ok: false });
  });
});

describe('parseDictionary', () => {
  it('reads a stored list and refuses a corrupt one', () => {
    expect(parseDictionary([{ from: '甲', to: '乙' }])).toEqual([{ from: '甲', to: '乙' }]);
    expect(parseDictionary('x')).toBeUndefined();
    expect(parseDictionary([{ from: '甲', to: '乙' }, { from: '乙', to: '甲' }])).toBeUndefined();
    expect(parseDictionary([{ from: 1 }])).toBeUndefined();
  });
});
