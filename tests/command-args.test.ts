/**
 * Editor commands read flags the way the editor meant them, also when npm
 * took them for itself (typed without `--`), and word every bad argument in
 * Chinese with the usage. The npm variables here are the ones npm 11 sets
 * (tried with `npm run` on a script that prints them).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readArgs, usageOf, type CommandSpec, type OptionSpec } from '../scripts/lib/args.ts';

const importSpec = {
  script: 'content:import',
  options: { write: { type: 'boolean', default: false }, sheet: { type: 'string', value: '工作表名' } },
  positional: { name: '名单.xlsx（或 .csv）', required: true, looksLike: (a: string) => /\.(xlsx|xls|csv)$/i.test(a) },
} satisfies CommandSpec<Record<string, OptionSpec>>;

const newSpec = {
  script: 'content:new',
  options: { name: { type: 'string', value: '姓名' }, region: { type: 'string', value: '地区' } },
} satisfies CommandSpec<Record<string, OptionSpec>>;

/** npm running `script`, with the variables it sets for the flags it took. */
const npm = (script: string, vars: Record<string, string> = {}) => ({
  npm_lifecycle_event: script,
  npm_lifecycle_script: `node scripts/${script}.ts`,
  npm_config_yes: '', // npm's own setting, always present
  ...vars,
});

describe('flags npm took for itself', () => {
  it('gives a flag its value from the plain arguments and says what to type next time', () => {
    // npm run content:import sheet.xlsx --sheet 推荐表 --write
    const read = readArgs(
      importSpec,
      ['sheet.xlsx', '推荐表'],
      npm('content:import', { npm_config_sheet: 'true', npm_config_write: 'true' }),
    );
    expect(read).toMatchObject({ ok: true, positional: 'sheet.xlsx', values: { sheet: '推荐表', write: true } });
    expect(read.ok && read.note).toContain('下次请输入：npm run content:import -- sheet.xlsx --write --sheet 推荐表');
  });

  it('finds the file among the plain arguments whichever comes first', () => {
    // npm run content:import --sheet 推荐表 名单.xlsx
    const read = readArgs(importSpec, ['推荐表', '名单.xlsx'], npm('content:import', { npm_config_sheet: 'true' }));
    expect(read).toMatchObject({ ok: true, positional: '名单.xlsx', values: { sheet: '推荐表', write: false } });
  });

  it('takes a value npm kept itself (a setting npm knows) and one given with =', () => {
    // npm run content:new --name 张三 --region=尧都区
    const read = readArgs(newSpec, [], npm('content:new', { npm_config_name: '张三', npm_config_region: '尧都区' }));
    expect(read).toMatchObject({ ok: true, values: { name: '张三', region: '尧都区' } });
    expect(read.ok && read.note).toContain('下次请输入：npm run content:new -- --name 张三 --region 尧都区');
  });

  it('reads `npm run content:new --region yaodu`, quoting a value with a space in the hint', () => {
    const read = readArgs(newSpec, ['城 东'], npm('content:new', { npm_config_region: 'true' }));
    expect(read).toMatchObject({ ok: true, values: { region: '城 东' } });
    expect(read.ok && read.note).toContain('npm run content:new -- --region "城 东"');
  });

  it('says nothing when the flags came after --, and prefers them to npm’s variables', () => {
    const read = readArgs(
      importSpec,
      ['a.xlsx', '--sheet', '表二'],
      npm('content:import', { npm_config_sheet: '表一' }),
    );
    expect(read).toEqual({ ok: true, positional: 'a.xlsx', values: { sheet: '表二', write: false } });
  });

  it('ignores npm’s variables while another command runs (a test run, another script)', () => {
    const read = readArgs(importSpec, ['a.xlsx'], npm('test', { npm_config_write: 'true' }));
    expect(read).toMatchObject({ ok: true, values: { write: false } });
  });

  it('asks for -- when two flags’ values cannot be told apart', () => {
    // npm run content:new --region 尧都区 --title 临汾好人 (both unknown to npm)
    const spec = { ...newSpec, options: { ...newSpec.options, title: { type: 'string', value: '称号' } } } as const;
    const read = readArgs(
      spec,
      ['尧都区', '临汾好人'],
      npm('content:new', { npm_config_region: 'true', npm_config_title: 'true' }),
    );
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toContain('请在 npm run content:new 后面加上 --');
    // A guess to check, never a run: the values in the order typed, the flags in the usage's order.
    expect(!read.ok && read.message).toContain(
      '如果您是按用法里的顺序输入的，请核对后输入：npm run content:new -- --region 尧都区 --title 临汾好人',
    );
  });
});

describe('bad arguments', () => {
  const refused = (argv: string[], spec: CommandSpec<Record<string, never>> = importSpec as never) => {
    const read = readArgs(spec, argv, {});
    expect(read.ok).toBe(false);
    return read.ok ? '' : read.message;
  };

  it('words an unknown flag, a missing value, a value a switch does not take and an extra argument', () => {
    expect(refused(['a.xlsx', '--wirte'])).toMatch(/^不认识的选项 --wirte。这个命令只认：--write、--sheet。/);
    expect(refused(['a.xlsx', '--sheet'])).toContain('选项 --sheet 后面缺少工作表名');
    expect(refused(['a.xlsx', '--sheet', '--write'])).toContain('选项 --sheet 后面缺少工作表名');
    expect(refused(['a.xlsx', '--write=yes'])).toContain('选项 --write 后面不写值');
    expect(refused(['a.xlsx', 'b.xlsx'])).toContain('多余的参数：“b.xlsx”');
    expect(refused([])).toContain('缺少名单.xlsx（或 .csv）');
    for (const message of [refused(['--x']), refused([])]) {
      expect(message.split('\n').at(-1)).toBe(usageOf(importSpec));
    }
  });

  it('gives the usage line from the options', () => {
    expect(usageOf(importSpec)).toBe(
      '用法：npm run content:import -- 名单.xlsx（或 .csv） [--write] [--sheet 工作表名]',
    );
    expect(usageOf({ script: 'content:check', options: {} })).toBe('用法：npm run content:check');
  });
});

it('a command given a bad flag prints the Chinese line and the usage, no stack, and exits 2', () => {
  const run = spawnSync(process.execPath, ['scripts/import.ts', 'a.xlsx', '--shet', '推荐表'], {
    encoding: 'utf8',
    env: { ...process.env, npm_lifecycle_event: 'content:import' },
  });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('不认识的选项 --shet');
  expect(run.stderr).toContain('用法：npm run content:import -- ');
  expect(run.stderr).not.toMatch(/TypeError|ERR_PARSE_ARGS|\n\s+at /);
});
