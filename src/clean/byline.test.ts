import { describe, expect, it } from 'vitest';
import { formatByline, isByline } from './byline.ts';

describe('bylines', () => {
  it('recognises role + separator + name, and shows the separator as a space', () => {
    expect(isByline('包头市中级人民法院党组书记、院长●毕晨')).toBe(true);
    expect(formatByline('包头市中级人民法院党组书记、院长●毕晨')).toBe('包头市中级人民法院党组书记、院长 毕晨');
    expect(formatByline('□ 本报记者 王五')).toBe('本报记者 王五');
  });
  it('undoes a fake-bold name and separator', () => {
    expect(isByline('包头市人民检察院党组书记、检察长●●李雁李雁')).toBe(true);
    expect(formatByline('包头市人民检察院党组书记、检察长●●李雁李雁')).toBe('包头市人民检察院党组书记、检察长 李雁');
  });
  it('recognises credit lines', () => {
    for (const t of ['本报记者 张三 李四', '文/图 赵六', '通讯员 孙七', '（记者 周八）', '新华社记者 王小明']) expect(isByline(t), t).toBe(true);
  });
  it('rejects body text and headlines', () => {
    for (const t of ['记者从省交通运输厅了解到，天水至定西高速公路', '律师称无诚意', '达芬奇被指设退货障碍', '据了解，下一步，将按照', '●要点：加强监督。'])
      expect(isByline(t), t).toBe(false);
  });
});
