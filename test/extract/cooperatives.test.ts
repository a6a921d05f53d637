import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/extract.ts';

/** Short reports written for these tests: cooperatives as real pages name them. */

function cooperatives(text: string): string[] {
  const record = extractReport({ file: 'c.txt', text: `Tin hợp tác xã\nLiên minh HTX tỉnh Sơn La cho biết: ${text}` });
  return record.entities.filter((e) => e.type === 'Cooperative').map((e) => e.name);
}

describe('cooperatives as real pages name them', () => {
  it('reads kind words in any case, commas between them, and a proper name after', () => {
    expect(cooperatives('HTX sản xuất, chế biến, kinh doanh nông sản Tây Bắc được chọn.')).toEqual(['Hợp tác xã sản xuất, chế biến, kinh doanh nông sản Tây Bắc']);
    expect(cooperatives('Sản phẩm của HTX quà Mường Lay và HTX Hoa Ban Đỏ.')).toEqual(['Hợp tác xã quà Mường Lay', 'Hợp tác xã Hoa Ban Đỏ']);
    expect(cooperatives('HTX Công nghiệp xây dựng Ngọc Sơn và HTX Dịch vụ chăn nuôi thú y Hải Nam.')).toEqual([
      'Hợp tác xã Công nghiệp xây dựng Ngọc Sơn',
      'Hợp tác xã Dịch vụ chăn nuôi thú y Hải Nam',
    ]);
    expect(cooperatives('Tổ hợp tác trang trại Hồng Sơn và QTDND thị trấn Tân Phú tham gia.')).toEqual(['Tổ hợp tác trang trại Hồng Sơn', 'Quỹ tín dụng nhân dân thị trấn Tân Phú']);
  });

  it('spells out the abbreviations of a cooperative’s kind, and reads the names a plural head lists', () => {
    expect(cooperatives('Chọn 2 HTX Nông nghiệp (HTX nông lâm nghiệp Nam Sơn, HTX nông nghiệp DVTM Hữu cơ Bình Minh).')).toEqual([
      'Hợp tác xã nông lâm nghiệp Nam Sơn',
      'Hợp tác xã nông nghiệp Dịch vụ Thương mại Hữu cơ Bình Minh',
    ]);
    expect(cooperatives('Điển hình như các HTX Tân Tiến (Yên Châu); Đồng Tâm, Thái Hòa II (Mộc Châu) và Bình Minh 2.')).toEqual([
      'Hợp tác xã Tân Tiến',
      'Hợp tác xã Đồng Tâm',
      'Hợp tác xã Thái Hòa II',
      'Hợp tác xã Bình Minh 2',
    ]);
  });

  it('reads kind words joined by và, several lower-case words inside a name, and a cut later mention as the same cooperative', () => {
    expect(cooperatives('HTX Sản xuất và dịch vụ nông lâm nghiệp Sông Mã và HTX Phụ nữ khuyết tật Mai Sơn được thành lập.')).toEqual([
      'Hợp tác xã Sản xuất và dịch vụ nông lâm nghiệp Sông Mã',
      'Hợp tác xã Phụ nữ khuyết tật Mai Sơn',
    ]);
    expect(cooperatives('HTX Công nghệ cao Mộc Châu Xanh được khen. Ảnh: HTX công nghệ cao Mộc Châu nhận giải.')).toEqual(['Hợp tác xã Công nghệ cao Mộc Châu Xanh']);
  });

  it('takes counts, generic mentions and other bodies’ names for no cooperative', () => {
    expect(cooperatives('Lễ kỷ niệm Ngày Hợp tác xã Việt Nam 11/4 và báo cáo của HTX và công tác vận hành Trang thông tin.')).toEqual([]);
    expect(cooperatives('Toàn tỉnh có 356 HTX, Lĩnh vực nông nghiệp chiếm nhiều nhất; các HTX nông nghiệp và HTX vào GRDP đóng góp 5%.')).toEqual([]);
    expect(cooperatives('Quỹ hỗ trợ phát triển HTX tỉnh và Hiệp hội Quỹ tín dụng nhân dân Việt Nam; 47 quỹ tín dụng nhân dân; Thái Bình có 300 HTX.')).toEqual([]);
  });
});
