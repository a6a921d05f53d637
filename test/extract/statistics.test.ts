import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/extract.ts';

/** Short reports written for these tests: the figures real pages give, and whose they are. */

function stats(text: string): string[] {
  const record = extractReport({ file: 's.txt', text: `Kinh tế tập thể tỉnh Yên Bái\n${text}` });
  return record.statistics.map((s) => `${s.metric}=${s.value}${s.province === 'Yên Bái' ? '' : ` @${s.province ?? '?'}`}`);
}

describe('statistics and whose they are', () => {
  it('reads a province’s totals in the ways reports state them', () => {
    expect(stats('Đến nay, toàn tỉnh Yên Bái có 420 tổ hợp tác, HTX, liên hiệp HTX. Trong đó có 250 tổ hợp tác; có 170 HTX, liên hiệp HTX với 8.100 thành viên.')).toEqual([
      'collective_organizations_total=420',
      'cooperative_groups_total=250',
      'cooperatives_total=170',
      'members_total=8100',
    ]);
    expect(stats('Hội nghị có 200 đại biểu, đại diện cho 310 HTX trên toàn tỉnh. Các HTX giải quyết việc làm cho 9.200 thành viên và 4.100 người lao động.')).toEqual([
      'cooperatives_total=310',
      'members_total=9200',
      'workers_total=4100',
    ]);
    expect(stats('Toàn tỉnh Yên Bái có 310 HTX. Lâm nghiệp và dịch vụ nông nghiệp: 120 HTX; Giao thông vận tải: 18 HTX. Tổng số lao động trong khu vực KTTT ước đạt: 12.000 người.')).toEqual([
      'cooperatives_total=310',
      'cooperatives_agriculture=120',
      'transport_cooperatives_total=18',
      'workers_total=12000',
    ]);
  });

  it('leaves out figures of a district, of cooperative groups, of the alliance’s membership, of a part or an average', () => {
    expect(stats('Đến nay, trên địa bàn huyện Lục Yên có 25 HTX với 900 thành viên. Vùng phía Tây của tỉnh gồm huyện Văn Chấn thành lập mới 12 HTX.')).toEqual([]);
    expect(stats('Toàn tỉnh Yên Bái có 1.200 tổ hợp tác (THT) với 15.000 thành viên; 310 HTX với 9.000 thành viên.')).toEqual([
      'cooperative_groups_total=1200',
      'cooperatives_total=310',
      'members_total=9000',
    ]);
    expect(stats('Liên minh HTX tỉnh Yên Bái hiện có 240 thành viên. Trong tổng số 310 HTX, có 250 HTX đang hoạt động. Bình quân hằng năm thành lập mới 20 HTX.')).toEqual([]);
    expect(stats('Toàn tỉnh Yên Bái có 310 HTX và 05 HTX thành lập doanh nghiệp.')).toEqual(['cooperatives_total=310']);
  });

  it('leaves out the country’s figures and a selection’s, and reads cue words with their diacritics', () => {
    expect(stats('Trong 300 hồ sơ của các HTX ở 50 tỉnh, thành phố, Liên minh HTX Việt Nam chọn 100 HTX tiêu biểu, gồm 60 HTX nông nghiệp.')).toEqual([]);
    expect(stats('Hội đồng đã bình chọn được 6 đơn vị gồm 4 HTX nông nghiệp.')).toEqual([]);
    // `tăng` (grows) is no award verb and `chia sẻ` holds no `sẽ` (will): the figures stand
    expect(stats('Chia sẻ tại hội nghị, ông Lê Văn An cho biết tỉnh Yên Bái hiện có 310 HTX, tăng 12 HTX, trong đó có 150 HTX nông nghiệp.')).toEqual([
      'cooperatives_total=310',
      'cooperatives_agriculture=150',
    ]);
  });
});

describe('parts, plans and the units figures belong to', () => {
  it('tells a part by its share or its kind, reads new cooperatives counted before their cue, and keeps a breakdown to its own kind', () => {
    expect(stats('Nổi bật là lĩnh vực nông – lâm nghiệp. Toàn tỉnh có 420 HTX, chiếm 60%. Trong năm có 15 HTX mới ra đời.')).toEqual([
      'cooperatives_agriculture=420',
      'cooperatives_new=15',
    ]);
    expect(stats('Toàn tỉnh Yên Bái có 300 hợp tác xã, trong đó có 200 hợp tác xã nông, lâm, ngư nghiệp; 30 hợp tác xã công nghiệp; 1.100 tổ hợp tác và 8 quỹ tín dụng nhân dân.')).toEqual([
      'cooperatives_total=300',
      'cooperatives_agriculture=200',
      'cooperative_groups_total=1100',
      'people_credit_funds_total=8',
    ]);
    expect(stats('Toàn tỉnh Yên Bái có 300 HTX, trong đó có 20 quỹ tín dụng nhân dân, cùng 900 tổ hợp tác, thu hút trên 40 nghìn thành viên. Số HTX hoạt động hiệu quả là 120 HTX.')).toEqual([
      'cooperatives_total=300',
      'people_credit_funds_total=20',
      'cooperative_groups_total=900',
      'members_total=40000',
    ]);
  });

  it('leaves out a plan for a later year, an increase, and a part’s own figures', () => {
    const plan = extractReport({ file: 'p.txt', text: 'Đại hội\nNgày 29-11-2016, Liên minh HTX tỉnh Yên Bái tổ chức Đại hội. Đến năm 2021, kinh tế HTX thu hút khoảng 50.000 thành viên.' });
    expect(plan.statistics).toEqual([]);
    expect(stats('Đến nay trong tỉnh có 138 HTX; 230,28 tỷ đồng vốn điều lệ - tăng thêm 11,37 tỷ đồng. Thu nhập bình quân của lao động khoảng 5,5 triệu đồng mỗi tháng.')).toEqual([
      'cooperatives_total=138',
      'charter_capital_billion_vnd=230.28',
      'avg_income_million_vnd_month=5.5',
    ]);
    expect(stats('Địa phương có 86 HTX, tổ hợp tác sở hữu 214 sản phẩm OCOP; 172 HTX liên kết với doanh nghiệp, đạt 33,9%. Tham gia hội nghị có đại diện 16 HTX nông nghiệp.')).toEqual([]);
  });
});

describe('figures of several provinces', () => {
  it('leaves out a figure of the provinces of a cluster, and keeps the one province named apart', () => {
    expect(stats('6 tháng đầu năm, các tỉnh trong Cụm đã thành lập mới 45 HTX; riêng tỉnh Yên Bái có 650 HTX.')).toEqual(['cooperatives_total=650']);
  });
});
