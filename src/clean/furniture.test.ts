import { describe, expect, it } from 'vitest';
import { isFurnitureLine } from './furniture.ts';
import { noteLabel } from './notes.ts';

describe('page furniture', () => {
  it('recognises page numbers, date lines, mastheads and credits', () => {
    for (const t of ['— 5 —', '-7-', '第 5 版', '第5版', 'A5', '2011 年 4 月 19 日 星期二', '2011年8月4日星期四', '星期四', '包头日报', '本版编辑：张三', '责任编辑 李四'])
      expect(isFurnitureLine(t), t).toBe(true);
  });
  it('leaves text alone', () => {
    for (const t of ['5 年完成中央投资 260 亿通车总里', '2 月 18 日，市委政法工作会议召', '第一责任人，确保本地区、本单', '今年 1 月，浙江省消保'])
      expect(isFurnitureLine(t), t).toBe(false);
  });
});

describe('note labels', () => {
  it('finds labels inline and alone', () => {
    expect(noteLabel('编者按：根据国务院有关规定')).toEqual({ label: '编者按', alone: false });
    expect(noteLabel('开栏的话')).toEqual({ label: '开栏的话', alone: true });
    expect(noteLabel('【编者的话】今天起')).toEqual({ label: '编者的话', alone: false });
  });
  it('does not take running text for a label', () => {
    expect(noteLabel('导读员介绍说')).toBeNull();
    expect(noteLabel('编者认为')).toBeNull();
  });
});
