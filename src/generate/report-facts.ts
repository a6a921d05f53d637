import data from './data/corpus.json' with { type: 'json' };
import { fillUnit, personName } from './names.ts';
import type { ProvinceUnit } from './province-eras.ts';
import type { Random } from './random.ts';
import { hashText } from './random.ts';
import type { ReportBuilder } from './report-builder.ts';

/** The offices of one province (or the nation) in one congress term, each held by one person. */
export type Setting = {
  random: Random;
  seed: number;
  province: ProvinceUnit;
  /** False when the report never names its province: the expected record then has `province: null`. */
  named: boolean;
  date: string;
  year: number;
  term: number;
};

const numbers = new Intl.NumberFormat('vi-VN');

type Office = { id: string; title: string; titleForms: string[] };
type Body = { id: string; forms: string[] };

/**
 * Writes the facts of one conference report into the builder, sentence by sentence, and
 * records each fact the sentence states: who organised, chaired, directed, attended and
 * spoke, which positions people hold, the province's figures, awards and cooperation.
 * Returns the report's title.
 */
export function writeFacts(builder: ReportBuilder, setting: Setting, meetingTemplate: string): string {
  const { random, province, named, date, year, term } = setting;
  const where = named ? province.name : null;
  const unit = province.unit;
  const s = data.sentences;
  const formOf = (full: string[], short: string[]): string =>
    fillUnit(random.pick(named ? [...full, ...short] : short), province);

  if (named) builder.addEntity({ id: 'p', type: 'Province', name: province.name });
  const allianceName = fillUnit(data.alliance.name, province) + (named ? ` ${province.name}` : '');
  builder.addEntity({ id: 'a', type: 'Alliance', name: allianceName, province: where });
  builder.addEntity({ id: 'ubnd', type: 'Agency', name: fillUnit(data.committee.name, province), province: where });
  const alliance: Body = { id: 'a', forms: [...data.alliance.forms, ...data.alliance.shortForms] };
  const committee: Body = { id: 'ubnd', forms: [...data.committee.forms, ...data.committee.shortForms] };

  const meetingName = fillUnit(meetingTemplate, province)
    .replaceAll('{year}', String(year))
    .replaceAll('{prevYear}', String(year - 1))
    .replaceAll('{session}', String(random.int(2, 12)))
    .replaceAll('{term}', `${term} – ${term + 5}`);
  builder.addEntity({ id: 'm', type: 'Meeting', name: meetingName, province: where, date });
  const allianceSlot = () => ({ text: formOf(data.alliance.forms, data.alliance.shortForms), entity: 'a' });
  const meetingSlot = { text: meetingName, entity: 'm' };

  const title = builder.write(random.pick(s.title), { alliance: allianceSlot(), meeting: meetingSlot }).span.text;
  builder.breakParagraph();
  const [y, mo, d] = date.split('-');
  const opening = builder.write(random.pick(s.opening), { date: `${d}/${mo}/${y}`, alliance: allianceSlot(), meeting: meetingSlot, unit });
  builder.relate('ORGANIZED', 'a', 'm', opening.span);

  /** An official in an office writes one sentence of a kind and attends in that role. */
  const present = (kind: 'chaired' | 'directed' | 'attended' | 'spoke', office: Office, holder: string, body: Body): void => {
    const id = builder.addEntity({ id: `o:${holder}:${body.id}`, type: 'Official', name: holder });
    const sentence = builder.write(random.pick(s[kind]), {
      official: { text: holder, entity: id },
      title: random.pick(office.titleForms),
      body: { text: fillUnit(random.pick(body.forms), province), entity: body.id },
      unit,
    });
    builder.relate('ATTENDED', id, 'm', sentence.span, { role: kind });
    builder.relate('HOLDS_POSITION', id, body.id, sentence.span, { title: office.title });
  };
  const localHolder = (role: string): string => personName(setting.seed, `${province.name}|${role}|${term}`);

  const [chair, vice] = data.alliance.roles;
  if (chair) present('chaired', { id: 'chair', ...chair }, localHolder(chair.role), alliance);
  const committeeVice = data.committee.roles[0];
  if (committeeVice && random.chance(0.7)) present('directed', { id: 'cv', ...committeeVice }, localHolder(committeeVice.role), committee);
  const nationals = data.nationalBodies.filter((b) => isCurrent(b, date));
  if (nationals.length > 0 && random.chance(0.4)) {
    const body = random.pick(nationals);
    const id = builder.addEntity({ id: `n:${body.name}`, type: body.type === 'Alliance' ? 'Alliance' : 'Agency', name: body.name, province: null });
    const seat = random.int(0, 3);
    const office = body.titles[seat % body.titles.length] ?? body.titles[0];
    if (office) present('attended', { id: 'national', ...office }, personName(setting.seed, `national|${body.name}|${seat}|${term}`), { id, forms: body.forms });
  }

  builder.breakParagraph();
  writeStatistics(builder, setting);

  builder.breakParagraph();
  builder.write(random.pick(s.filler), {});
  const agencies = data.agencies.filter((a) => isCurrent(a, date));
  const agency = random.pick(agencies);
  const agencyId = `ag:${fillUnit(agency.name, province)}`;
  if (random.chance(0.5)) {
    builder.addEntity({ id: agencyId, type: 'Agency', name: fillUnit(agency.name, province), province: where });
    const sentence = builder.write(random.pick(s.agencySpoke), { agency: { text: fillUnit(random.pick(agency.forms), province), entity: agencyId } });
    builder.relate('ATTENDED', agencyId, 'm', sentence.span, { role: 'spoke' });
  }
  if (vice && random.chance(0.6)) present('spoke', { id: 'vice', ...vice }, localHolder(vice.role), alliance);

  if (random.chance(0.4)) {
    builder.breakParagraph();
    writeAward(builder, setting, { alliance, committee });
  }
  if (random.chance(0.3)) {
    const partner = random.pick(agencies.filter((a) => a !== agency));
    const partnerId = `ag:${fillUnit(partner.name, province)}`;
    builder.addEntity({ id: partnerId, type: 'Agency', name: fillUnit(partner.name, province), province: where });
    const sentence = builder.write(random.pick(s.cooperation), {
      alliance: allianceSlot(),
      agency: { text: fillUnit(random.pick(partner.forms), province), entity: partnerId },
      year: String(year),
      endYear: String(year + 2),
    });
    builder.relate('COOPERATES_WITH', 'a', partnerId, sentence.span);
  }
  builder.write(random.pick(s.filler), {});
  if (named) builder.mentionEverywhere('p', province.name);
  return title;
}

function writeStatistics(builder: ReportBuilder, setting: Setting): void {
  const { random, province, named, date, year, seed } = setting;
  const where = named ? province.name : null;
  const s = data.sentences;
  const h = hashText(`${seed}|${province.name}|figures`);
  const base = 80 + (h % 700);
  const cooperatives = Math.round(base * (1 + 0.04 * (year - 2019)));
  const groups = Math.round(base * 1.8) + ((h >>> 10) % 300);
  const members = cooperatives * (30 + ((h >>> 20) % 40));
  if (random.chance(0.8)) {
    const sentence = builder.write(random.pick(s.totals), {
      cooperatives: numbers.format(cooperatives),
      groups: numbers.format(groups),
      members: numbers.format(members),
      unit: province.unit,
    });
    const common = { unit: 'count', province: where, period: date.slice(0, 7), qualifier: 'exact', evidence: sentence.span } as const;
    builder.state('cooperatives_total', cooperatives, common);
    builder.state('cooperative_groups_total', groups, common);
    builder.state('members_total', members, common);
  }
  if (random.chance(0.6)) {
    const created = 5 + (hashText(`${seed}|${province.name}|${year}|new`) % 60);
    const sentence = builder.write(random.pick(s.newCooperatives), { new: numbers.format(created), prevYear: String(year - 1), unit: province.unit });
    builder.state('cooperatives_new', created, { unit: 'count', province: where, period: String(year - 1), qualifier: 'exact', evidence: sentence.span });
  }
  if (random.chance(0.5)) {
    const income = Math.round((3.2 + 0.3 * (year - 2019) + (h % 50) / 100) * 100) / 100;
    const sentence = builder.write(random.pick(s.income), { income: numbers.format(income) });
    builder.state('avg_income_million_vnd_month', income, { unit: 'million VND/month', province: where, period: String(year), qualifier: 'exact', evidence: sentence.span });
  }
}

function writeAward(builder: ReportBuilder, setting: Setting, bodies: { alliance: Body; committee: Body }): void {
  const { random, province, named, date } = setting;
  const where = named ? province.name : null;
  const award = random.pick(data.awards);
  const authority = award.authority === 'committee' ? bodies.committee : bodies.alliance;
  const collectives = random.int(2, 12);
  builder.addEntity({ id: 'aw', type: 'Award', name: fillUnit(award.name, province), kind: award.kind, province: where, date, attributes: { collectives } });
  const recipients = Array.from({ length: random.int(1, 2) }, () => {
    const k = random.int(0, data.cooperatives.kinds.length - 1);
    const place = random.pick(data.cooperatives.places);
    const full = `${data.cooperatives.kinds[k]} ${place}`;
    const short = `${data.cooperatives.shortKinds[k]} ${place}`;
    return { id: builder.addEntity({ id: `c:${full}`, type: 'Cooperative', name: full, province: where }), text: random.pick([full, short]) };
  }).filter((r, i, all) => all.findIndex((o) => o.id === r.id) === i);
  const template = random
    .pick(data.sentences.award)
    .replace('{recipients}', recipients.map((_, i) => `{recipient${i}}`).join(' và '));
  const slots = Object.fromEntries(recipients.map((r, i) => [`recipient${i}`, { text: r.text, entity: r.id }]));
  const sentence = builder.write(template, {
    ...slots,
    authority: { text: fillUnit(random.pick(data.authorities[award.authority === 'committee' ? 'committee' : 'alliance']), province), entity: authority.id },
    kind: { text: award.kind, entity: 'aw' },
    collectives: String(collectives),
  });
  builder.relate('AWARDED_BY', 'aw', authority.id, sentence.span);
  builder.relate('PRESENTED_AT', 'aw', 'm', sentence.span);
  for (const r of recipients) builder.relate('RECEIVED', r.id, 'aw', sentence.span);
}

function isCurrent(item: { from?: string; until?: string }, date: string): boolean {
  return (item.from === undefined || date >= item.from) && (item.until === undefined || date <= item.until);
}
