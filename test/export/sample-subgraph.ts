import type { Subgraph } from '../../src/graph/subgraph.ts';

const meeting = 'meeting:2024-01-04@hoa binh@alliance:hoa binh';
const report = 'report:001_80b28b98b36d21f4.txt';

/**
 * A meeting neighbourhood shaped like the one the graph holds for a provincial
 * conference, with values chosen to stress writers: quotes, `&`, `<`, commas,
 * a line break, a duplicated pair of nodes (two relationships between them) and
 * a relationship attribute of each type.
 */
export const sampleSubgraph: Subgraph = {
  nodes: [
    { id: meeting, type: 'Meeting', name: 'Hội nghị tổng kết năm 2023, "triển khai" 2024', province: 'Hòa Bình', date: '2024-01-04' },
    { id: 'alliance:hoa binh', type: 'Alliance', name: 'Liên minh Hợp tác xã tỉnh Hòa Bình', province: 'Hòa Bình', date: null },
    { id: 'official:dinh cong su@hoa binh', type: 'Official', name: 'Đinh Công Sứ', province: 'Hòa Bình', date: null },
    { id: 'official:tran an dinh@hoa binh', type: 'Official', name: 'Trần An Định', province: 'Hòa Bình', date: null },
    { id: 'official:le tuan an@national', type: 'Official', name: 'Lê Tuấn An', province: null, date: null },
    { id: 'agency:so ke hoach & dau tu@hoa binh', type: 'Agency', name: 'Sở Kế hoạch & Đầu tư <KH&ĐT>', province: 'Hòa Bình', date: null },
    { id: 'province:hoa binh', type: 'Province', name: 'Hòa Bình', province: 'Hòa Bình', date: null },
  ],
  edges: [
    {
      id: 'e1', type: 'ORGANIZED', source: 'alliance:hoa binh', target: meeting, attributes: {},
      evidence: [{ report, start: 10, end: 90, text: 'Ngày 4/1, Liên minh HTX tỉnh tổ chức Hội nghị tổng kết.' }],
    },
    {
      id: 'e2', type: 'ATTENDED', source: 'official:dinh cong su@hoa binh', target: meeting, attributes: { role: 'directed' },
      evidence: [{ report, start: 100, end: 180, text: 'Đồng chí Đinh Công Sứ, Phó Chủ tịch UBND tỉnh "dự và chỉ đạo"\nhội nghị.' }],
    },
    {
      id: 'e3', type: 'ATTENDED', source: 'official:tran an dinh@hoa binh', target: meeting, attributes: { role: 'spoke' },
      evidence: [{ report, start: 200, end: 260, text: 'Ông Trần An Định phát biểu.' }],
    },
    {
      id: 'e4', type: 'ATTENDED', source: 'official:le tuan an@national', target: meeting, attributes: { role: 'spoke', order: 2 },
      evidence: [{ report, start: 270, end: 330, text: 'Ông Lê Tuấn An phát biểu tại hội nghị.' }],
    },
    {
      id: 'e5', type: 'HOLDS_POSITION', source: 'official:tran an dinh@hoa binh', target: 'alliance:hoa binh', attributes: { title: 'Chủ tịch', current: true },
      evidence: [
        { report, start: 200, end: 260, text: 'Ông Trần An Định, Chủ tịch Liên minh HTX tỉnh.' },
        { report: 'report:other.txt', start: 5, end: 40, text: 'Chủ tịch Trần An Định.' },
      ],
    },
    {
      id: 'e6', type: 'COOPERATES_WITH', source: 'agency:so ke hoach & dau tu@hoa binh', target: 'alliance:hoa binh', attributes: { date: '2023-12-01', strength: 1.5 },
      evidence: [],
    },
    {
      id: 'e7', type: 'ATTENDED', source: 'alliance:hoa binh', target: meeting, attributes: { role: 'attended' },
      evidence: [{ report, start: 10, end: 90, text: 'Liên minh HTX tỉnh dự.' }],
    },
    { id: 'e8', type: 'LOCATED_IN', source: 'alliance:hoa binh', target: 'province:hoa binh', attributes: {}, evidence: [] },
  ],
};
