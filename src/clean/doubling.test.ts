import { describe, expect, it } from 'vitest';
import { collapseToken, undouble } from './doubling.ts';

const once = (lines: string[]): string => undouble(lines).lines.join('').replace(/\s/g, '');

describe('undouble (fake bold printed twice)', () => {
  it('undoes runs doubled inside a line (pdfminer, pypdf)', () => {
    expect(once(['高质效高质效', '办好每一个案件办好每一个案件'])).toBe('高质效办好每一个案件');
    expect(once(['甘肃甘肃90%90% 政府机关使用 政府机关使用', '正版软件 正版软件'])).toBe('甘肃90%政府机关使用正版软件');
    expect(once(['合肥合肥99月前全面使用正 月前全面使用正', '版软件版软件'])).toBe('合肥9月前全面使用正版软件');
    expect(once(['济南采购 济南采购40004000 多万元正 多万元正', '版软件版软件'])).toBe('济南采购4000多万元正版软件');
  });
  it('undoes lines printed twice and copies spread over lines (MuPDF)', () => {
    expect(once(['达芬奇再发公开信', '达芬奇再发公开信', '坚称产品无问题不退货', '坚称产品无问题不退货'])).toBe('达芬奇再发公开信坚称产品无问题不退货');
    expect(once(['甘肃', '甘肃 90%', '90% 政府机关使用', '政府机关使用', '正版软件', '正版软件'])).toBe('甘肃90%政府机关使用正版软件');
    expect(once(['合肥', '合肥 99 月前全面使用正', '月前全面使用正', '版软件', '版软件'])).toBe('合肥9月前全面使用正版软件');
    expect(once(['西藏完成投资', '西藏完成投资85', '85 亿', '开工建设一大批重点项目', '开工建设一大批重点项目'])).toBe('西藏完成投资85亿开工建设一大批重点项目');
  });
  it('keeps the copy printed in its context when the other stands alone (pdfminer order)', () => {
    expect(once(['月前全面使用正', '合肥合肥 99 月前全面使用正', '版软件版软件'])).toBe('合肥9月前全面使用正版软件');
    expect(once(['西藏完成投资 8585 亿亿', '西藏完成投资', '开工建设一大批重点项目', '开工建设一大批重点项目'])).toBe('西藏完成投资85亿开工建设一大批重点项目');
    expect(once(['渝黔新线（预计工期 55 年）年）', '渝黔新线（预计工期'])).toBe('渝黔新线（预计工期5年）');
  });
  it('says how much was a copy: about half for fake bold, nothing for plain text', () => {
    expect(undouble(['高质效高质效']).doubledShare).toBeCloseTo(0.5);
    expect(undouble(['本报讯甘肃在全省范围内', '积极推进使用正版软件工作，']).doubledShare).toBe(0);
  });
  it('leaves real repeated characters alone', () => {
    expect(once(['天天向上天天向上'])).toBe('天天向上');
    expect(once(['天天向上', '天天向上'])).toBe('天天向上');
    expect(collapseToken('谢谢你')).toBe('谢谢你');
    expect(collapseToken('李雁李雁')).toBe('李雁');
    expect(collapseToken('●●')).toBe('●');
  });
});
