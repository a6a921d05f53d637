import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/extract.ts';

/** Short reports written for these tests: the bodies real pages name. */

function agencies(text: string): string[] {
  const record = extractReport({ file: 'g.txt', text: `Tin hoạt động\nLiên minh HTX tỉnh Bắc Kạn cho biết: ${text}` });
  return record.entities.filter((e) => e.type === 'Agency').map((e) => `${e.name} @${e.province ?? 'national'}`);
}

describe('the bodies real pages name', () => {
  it('reads district and commune bodies, and the units listed with the same head', () => {
    expect(agencies('Liên minh phối hợp với UBND huyện Chợ Đồn, huyện Ba Bể và Hội Nông dân huyện Na Rì; Thị ủy Yên Lạc dự họp.')).toEqual([
      'Ủy ban nhân dân huyện Chợ Đồn @Bắc Kạn',
      'Ủy ban nhân dân huyện Ba Bể @Bắc Kạn',
      'Hội Nông dân huyện Na Rì @Bắc Kạn',
      'Thị ủy Yên Lạc @Bắc Kạn',
    ]);
    // one body in every district is no one in particular
    expect(agencies('Đại diện Phòng Tài chính – Kế hoạch các huyện dự họp.')).toEqual([]);
  });

  it('reads a steering committee whose name holds an abbreviation, and only a level word as written', () => {
    expect(agencies('Đồng chí Lê Văn Nam, Trưởng Ban Chỉ đạo kinh tế tập thể (KTTT) tỉnh dự họp. Các đơn vị họp Ban Chỉ đạo, kiện toàn bộ máy theo hướng tinh gọn.')).toEqual([
      'Ban Chỉ đạo kinh tế tập thể tỉnh @Bắc Kạn',
    ]);
  });

  it('gives a body listed before one written with its province that province, and reads national bodies and old department names', () => {
    expect(agencies('Hội Nông dân Việt Nam phối hợp với Tỉnh ủy, UBND tỉnh Thái Nguyên tổ chức lễ; Sở Nông nghiệp & Phát triển nông thôn và Sở Công nghiệp tham dự.')).toEqual([
      'Hội Nông dân Việt Nam @national',
      'Tỉnh ủy @Thái Nguyên',
      'Ủy ban nhân dân tỉnh @Thái Nguyên',
      'Sở Nông nghiệp và Phát triển nông thôn @Bắc Kạn',
      'Sở Công nghiệp @Bắc Kạn',
    ]);
    // a deputy's title is no office of its own; the fund is a body when written as a name
    expect(agencies('Phó Thủ tướng Chính phủ Lê Văn Đức thăm Quỹ Hỗ trợ phát triển hợp tác xã; quỹ hỗ trợ phát triển HTX sẽ tăng vốn.')).toEqual([
      'Chính phủ @national',
      'Quỹ hỗ trợ phát triển hợp tác xã @Bắc Kạn',
    ]);
  });
});

describe('departments named in a list', () => {
  it('reads the departments a list names by their names alone', () => {
    expect(agencies('Dự hội nghị có đại diện lãnh đạo các sở, ngành: Tài chính, Nông nghiệp và Môi trường, Công Thương.')).toEqual([
      'Sở Tài chính @Bắc Kạn',
      'Sở Nông nghiệp và Môi trường @Bắc Kạn',
      'Sở Công Thương @Bắc Kạn',
    ]);
  });
});

describe('a steering committee named again without its name', () => {
  it('takes `Trưởng Ban Chỉ đạo` for the committee the report named before', () => {
    const record = extractReport({
      file: 's.txt',
      text: 'Giao ban\nChiều 11/10/2024, Ban Chỉ đạo đổi mới, phát triển kinh tế tập thể, hợp tác xã tỉnh Bắc Kạn họp giao ban. Đồng chí Lê Văn An, Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo chủ trì hội nghị.',
    });
    const byId = new Map(record.entities.map((e) => [e.id, e.name]));
    expect(record.relations.filter((r) => r.type === 'HOLDS_POSITION').map((r) => `${byId.get(r.target)} (${String(r.attributes?.title)})`)).toEqual([
      'Ủy ban nhân dân tỉnh (Chủ tịch)',
      'Ban Chỉ đạo đổi mới, phát triển kinh tế tập thể, hợp tác xã tỉnh (Trưởng ban)',
    ]);
  });
});
