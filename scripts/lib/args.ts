/**
 * The arguments of an editor's command (`npm run content:import …`), read
 * the way the editor meant them.
 *
 * npm takes a flag typed without `--` before it (`npm run content:import
 * 名单.xlsx --sheet 推荐表`) as a setting of its own: the script gets it only
 * as an `npm_config_sheet` variable — `"true"` for a flag npm does not know,
 * its value then passed on as one more plain argument — and npm warns that
 * this will stop working. So a flag missing from the arguments is taken from
 * npm's variable, but only while npm runs this very command
 * (`npm_lifecycle_event`), and the command says what to type next time.
 *
 * Bad arguments (an unknown flag, a missing value, a value a switch does not
 * take, one argument too many) get a Chinese line and the usage, never
 * node's English TypeError.
 */
import { parseArgs } from 'node:util';

interface StringOption {
  type: 'string';
  /** What the value is, for the usage line: `--sheet 工作表名`. */
  value: string;
  default?: string;
}
interface BooleanOption {
  type: 'boolean';
  default?: boolean;
}
export type OptionSpec = StringOption | BooleanOption;

export interface CommandSpec<O extends Record<string, OptionSpec>> {
  /** The npm script's name, as in `npm run content:import`. */
  script: string;
  options: O;
  /** The one plain argument the command takes, if any (a file, a release id). */
  positional?: {
    /** What it is, for the usage line: `名单.xlsx（或 .csv）`. */
    name: string;
    required: boolean;
    /** Tells it from a flag's value that npm passed on as a plain argument. */
    looksLike: (arg: string) => boolean;
  };
}

type Values<O extends Record<string, OptionSpec>> = {
  [K in keyof O]:
    (O[K] extends BooleanOption ? boolean : string) | (O[K] extends { default: unknown } ? never : undefined);
};

export type ReadArgs<O extends Record<string, OptionSpec>> =
  | {
      ok: true;
      values: Values<O>;
      positional: string | undefined;
      /** Set when npm took flags: what to type next time, and why. */
      note?: string;
    }
  | { ok: false; message: string };

/** The usage line, from the command's options: `用法：npm run content:import -- 名单.xlsx [--sheet 工作表名] [--write]`. */
export function usageOf(spec: CommandSpec<Record<string, OptionSpec>>): string {
  const parts = Object.entries(spec.options).map(
    ([name, o]) => `[--${name}${o.type === 'string' ? ` ${o.value}` : ''}]`,
  );
  if (spec.positional) parts.unshift(spec.positional.required ? spec.positional.name : `[${spec.positional.name}]`);
  return `用法：npm run ${spec.script}${parts.length ? ` -- ${parts.join(' ')}` : ''}`;
}

/** The variable npm sets for a flag it took: `--allow-dirty` → `npm_config_allow_dirty`. */
const npmVariable = (name: string) => `npm_config_${name.toLowerCase().replaceAll('-', '_')}`;

/** An argument as typed in a terminal: quoted when it holds a space or a shell character. */
const typed = (arg: string) =>
  /^[\p{L}\p{N}._/:@%+=,-]+$/u.test(arg) ? arg : `"${arg.replace(/(["\\$`])/g, '\\$1')}"`;

/**
 * Reads a command's arguments (`argv` without node and the script) and, when npm runs it as
 * `spec.script`, the flags npm took for itself (`env`).
 */
export function readArgs<O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ReadArgs<O> {
  const usage = usageOf(spec);
  const refuse = (what: string) => ({ ok: false as const, message: `${what}\n${usage}` });

  // Read loosely first, so every mistake is worded here rather than by node in English.
  const { tokens } = parseArgs({
    args: [...argv],
    options: spec.options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const given: Record<string, string | boolean> = {};
  const plain: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') plain.push(token.value);
    if (token.kind !== 'option') continue;
    const option = spec.options[token.name];
    if (!option) {
      const known = Object.keys(spec.options);
      return refuse(
        `不认识的选项 ${token.rawName}。${known.length ? `这个命令只认：${known.map((k) => `--${k}`).join('、')}` : '这个命令不带选项'}。`,
      );
    }
    if (option.type === 'boolean') {
      if (token.value !== undefined) return refuse(`选项 --${token.name} 后面不写值：只写 --${token.name} 即可。`);
      given[token.name] = true;
    } else {
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))
        return refuse(`选项 --${token.name} 后面缺少${option.value}，例如 --${token.name} ${option.value}。`);
      given[token.name] = token.value;
    }
  }

  // Flags npm took for itself, when npm runs this command (another command's variables are not ours).
  const tookByNpm: string[] = [];
  /** String flags npm took as switches: each one's value is among the plain arguments. */
  const valueAmongPlain: string[] = [];
  if (env.npm_lifecycle_event === spec.script) {
    for (const [name, option] of Object.entries(spec.options)) {
      const value = env[npmVariable(name)];
      // "" is npm's own default for a setting it knows (`yes`), never a flag the editor typed.
      if (name in given || value === undefined || value === '') continue;
      tookByNpm.push(name);
      if (option.type === 'boolean') given[name] = value !== 'false';
      else if (value === 'true') valueAmongPlain.push(name);
      else given[name] = value;
    }
  }

  let positional: string | undefined;
  /** The command as it should be typed: `npm run content:import -- 名单.xlsx --sheet 推荐表`. */
  const commandLine = (arg: string | undefined, flags: Record<string, string | boolean>) =>
    `npm run ${spec.script} -- ${[
      ...(arg === undefined ? [] : [typed(arg)]),
      ...Object.keys(spec.options)
        .filter((name) => name in flags)
        .map((name) => (flags[name] === true ? `--${name}` : `--${name} ${typed(String(flags[name]))}`)),
    ].join(' ')}`;

  if (valueAmongPlain.length > 1) {
    let guess = '';
    const own = spec.positional ? plain.filter(spec.positional.looksLike) : [];
    const others = plain.filter((arg) => !own.includes(arg));
    if (others.length === valueAmongPlain.length && own.length <= (spec.positional ? 1 : 0)) {
      // npm's variables come in no particular order, so this is only a guess for the editor to check:
      // the values in the order typed, given to the flags in the usage's order (the guide's order too).
      const paired = Object.fromEntries(valueAmongPlain.map((name, i) => [name, others[i] as string]));
      guess = `\n如果您是按用法里的顺序输入的，请核对后输入：${commandLine(own[0], { ...given, ...paired })}`;
    }
    return refuse(
      `npm 把 ${valueAmongPlain.map((n) => `--${n}`).join('、')} 当成了它自己的设置，分不清哪个值属于哪一项，这次什么也没做。` +
        `请在 npm run ${spec.script} 后面加上 --（两个减号和一个空格）再输入一次。${guess}`,
    );
  }
  const [pending] = valueAmongPlain;
  if (pending !== undefined) {
    // The flag's value is the plain argument that is not the command's own (the file, the release id).
    const own = spec.positional ? plain.filter(spec.positional.looksLike) : [];
    const others = plain.filter((arg) => !own.includes(arg));
    const option = spec.options[pending] as StringOption;
    if (others.length === 0)
      return refuse(`选项 --${pending} 后面缺少${option.value}，例如 --${pending} ${option.value}。`);
    if (others.length > 1 || own.length > 1) {
      return refuse(
        `npm 把 --${pending} 当成了它自己的设置，分不清它的值是哪一个。请在 npm run ${spec.script} 后面加上 --（两个减号和一个空格）再输入一次。`,
      );
    }
    given[pending] = others[0] as string;
    positional = own[0];
  } else {
    if (plain.length > (spec.positional ? 1 : 0)) {
      const extra = plain.slice(spec.positional ? 1 : 0);
      return refuse(`多余的参数：${extra.map((a) => `“${a}”`).join('、')}。`);
    }
    positional = plain[0];
  }
  if (spec.positional?.required && positional === undefined) return refuse(`缺少${spec.positional.name}。`);

  const values: Record<string, string | boolean | undefined> = {};
  for (const [name, option] of Object.entries(spec.options)) values[name] = given[name] ?? option.default;

  let note: string | undefined;
  if (tookByNpm.length) {
    note =
      `注意：${tookByNpm.map((n) => `--${n}`).join('、')} 前面少了 --，npm 把它当成了自己的设置（npm 提示以后会不再这样传）。` +
      `这次已按你的意思运行。\n下次请输入：${commandLine(positional, given)}`;
  }
  return { ok: true, values: values as Values<O>, positional, ...(note ? { note } : {}) };
}

/**
 * The command's arguments, or the usage and exit code 2. A note on flags npm took goes to
 * standard error, before anything the command prints.
 */
export function commandArgs<O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
): { values: Values<O>; positional: string | undefined } {
  const read = readArgs(spec, process.argv.slice(2), process.env);
  if (!read.ok) {
    console.error(read.message);
    process.exit(2);
  }
  if (read.note) console.error(read.note);
  return read;
}
