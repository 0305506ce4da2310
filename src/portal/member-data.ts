/**
 * Reads a portal's members' data from its content root (site.yaml `members`,
 * stored there by `npm run portal:fetch` or copied from a release): each
 * member's `entries.json`, checked against its checksums, then each record
 * judged (records.ts).
 *
 * The one exception to "the build stops on any error" (README): a member
 * whose data is missing, unreadable or fails its checksums is reported and
 * left out, and a refused record is named and left out, while everything
 * else is published: one city's bad file must not take the province's
 * portal down. What the portal itself publishes still passes the output gate.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { MemberData } from '../model/schema.ts';
import type { Problem } from '../rules/problems.ts';
import { judgeRecord, type PortalRecord } from './records.ts';

/** The checksums file of a release folder (src/release/). */
export const SUMS_FILE = 'SHA256SUMS';
/** Where a release folder keeps its open data. */
export const RELEASE_ENTRIES = 'data/entries.json';
/** Largest `entries.json` read: 10,000 records with stories of 300-1,500 characters are about 30 MB (the bench). */
export const MEMBER_DATA_MAX_BYTES = 256 * 1024 * 1024;

/** One member as read: its counts, or why it was left out. */
export interface MemberReport {
  id: string;
  name: string;
  url: string;
  /** Records published. */
  published: number;
  withdrawn: number;
  refused: number;
  /** Set when the whole member was left out. */
  missing?: string;
}

export interface PortalData {
  members: MemberReport[];
  records: PortalRecord[];
  /** Every member left out and record refused, as problems (warnings: the build goes on). */
  problems: Problem[];
}

export const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/** A regular file inside `root` (no symlink on the way), or why not. */
function regularFileIn(root: string, path: string): string | undefined {
  const full = resolve(root, path);
  if (full !== root && !full.startsWith(root + sep)) return '不在内容目录里';
  try {
    const stat = lstatSync(full);
    if (stat.isSymbolicLink()) return '是快捷方式（符号链接），不读';
    if (!stat.isFile()) return '不是文件';
    if (stat.size > MEMBER_DATA_MAX_BYTES) return `太大（超过 ${MEMBER_DATA_MAX_BYTES / 1024 / 1024} MB）`;
    if (realpathSync(full) !== join(realpathSync(root), relative(root, full)))
      return '经过了快捷方式（符号链接），不读';
  } catch {
    return '不存在';
  }
  return undefined;
}

/** `SHA256SUMS` lines: `<hex>  <path>` (sha256sum's format, `*` for binary mode). */
export function parseSums(text: string): Map<string, string> | undefined {
  const sums = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.trimEnd());
    if (!m?.[1] || !m[2]) return undefined;
    sums.set(m[2].replace(/^\.\//, ''), m[1]);
  }
  return sums;
}

/** The bytes of the member's `entries.json`, checked, or why the member is left out. */
function memberBytes(root: string, member: MemberData): { bytes: Buffer } | { missing: string } {
  const data = member.data.replace(/\/+$/, '');
  let folder: boolean;
  try {
    folder = lstatSync(resolve(root, data)).isDirectory();
  } catch {
    return { missing: `数据 ${member.data} 不存在：请运行 npm run portal:fetch 下载，或把成员的发布包放到这里` };
  }
  if (!folder) {
    const why = regularFileIn(root, data);
    if (why) return { missing: `数据文件 ${member.data} ${why}` };
    const bytes = readFileSync(resolve(root, data));
    if (member.sha256 && sha256(bytes) !== member.sha256)
      return { missing: `数据文件 ${member.data} 的校验值与 site.yaml 的 sha256 不符：文件不完整或被改过，请重新下载` };
    return { bytes };
  }
  const sumsPath = `${data}/${SUMS_FILE}`;
  const why = regularFileIn(root, sumsPath);
  if (why) return { missing: `发布包 ${member.data} 的 ${SUMS_FILE} ${why}：请放入完整的发布包` };
  const sumsBytes = readFileSync(resolve(root, sumsPath));
  if (member.sha256 && sha256(sumsBytes) !== member.sha256)
    return { missing: `发布包 ${member.data} 的 ${SUMS_FILE} 与 site.yaml 的 sha256 不符：请核对发布包的来源` };
  const sums = parseSums(sumsBytes.toString('utf8'));
  if (!sums) return { missing: `发布包 ${member.data} 的 ${SUMS_FILE} 格式不对（每行应是“校验值  文件名”）` };
  const expected = sums.get(RELEASE_ENTRIES);
  if (!expected) return { missing: `发布包 ${member.data} 的 ${SUMS_FILE} 里没有 ${RELEASE_ENTRIES}` };
  const entries = `${data}/${RELEASE_ENTRIES}`;
  const whyEntries = regularFileIn(root, entries);
  if (whyEntries) return { missing: `发布包 ${member.data} 的 ${RELEASE_ENTRIES} ${whyEntries}` };
  const bytes = readFileSync(resolve(root, entries));
  if (sha256(bytes) !== expected)
    return {
      missing: `发布包 ${member.data} 的 ${RELEASE_ENTRIES} 与 ${SUMS_FILE} 不符：文件不完整或被改过，请重新复制发布包`,
    };
  return { bytes };
}

/** The `records` of a member's open data, or why they cannot be read. */
export function recordsOf(bytes: Buffer): unknown[] | string {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return '不是有效的 JSON 文件';
  }
  const records = json && typeof json === 'object' ? (json as { records?: unknown }).records : undefined;
  return Array.isArray(records) ? records : '没有 records 列表（应是开放数据 /data/entries.json 的格式）';
}

/** Reads every member's data of the portal at `root` (the content root); `shown` is how files are named in messages. */
export function readMembers(root: string, members: readonly MemberData[], shown = 'site.yaml'): PortalData {
  const out: PortalData = { members: [], records: [], problems: [] };
  const absRoot = resolve(root);
  for (const [i, member] of members.entries()) {
    const report: MemberReport = {
      id: member.id,
      name: member.name,
      url: member.url,
      published: 0,
      withdrawn: 0,
      refused: 0,
    };
    out.members.push(report);
    const leaveOut = (why: string) => {
      report.missing = why;
      out.problems.push({
        file: shown,
        field: `members[${i}]`,
        message: `成员“${member.name}”没有发布：${why}。其他成员照常发布。`,
        severity: 'warning',
        code: 'portal.member-left-out',
      });
    };
    if (members.findIndex((m) => m.id === member.id) !== i) {
      leaveOut(`id ${member.id} 与前面的成员重复（成员的记录以 id 区分），请给每个成员不同的 id`);
      continue;
    }
    const read = memberBytes(absRoot, member);
    if ('missing' in read) {
      leaveOut(read.missing);
      continue;
    }
    const records = recordsOf(read.bytes);
    if (typeof records === 'string') {
      leaveOut(`数据 ${member.data} ${records}`);
      continue;
    }
    const seen = new Set<string>();
    records.forEach((raw, index) => {
      const judged = judgeRecord(raw, index, member);
      if (judged.kind === 'withdrawn') report.withdrawn++;
      else if (judged.kind === 'accepted' && !seen.has(judged.record.id)) {
        seen.add(judged.record.id);
        report.published++;
        out.records.push(judged.record);
      } else {
        report.refused++;
        const reason = judged.kind === 'refused' ? judged.refusal.reason : `id ${judged.record.id} 重复`;
        const label = judged.kind === 'refused' ? judged.refusal.label : judged.record.id;
        out.problems.push({
          file: `${member.data}（${member.name}）`,
          field: `records[${index}]`,
          message: `记录 ${label} 没有发布：${reason}。请成员单位改正后重新发布数据。`,
          severity: 'warning',
          code: 'portal.record-refused',
        });
      }
    });
  }
  return out;
}
