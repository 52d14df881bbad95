import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  allowsInline,
  buildHeaderPolicy,
  formatPolicy,
  hashSource,
  mergePolicies,
  parsePolicy,
  SCRIPT_SOURCES,
} from '../../src/lib/security/content-policy.ts';

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

describe('hashing inline content', () => {
  it("gives the SHA-256 source a browser computes for a script's text, as Astro takes it (no quotes)", async () => {
    expect(await hashSource('alert(1)')).toBe(sha256('alert(1)'));
    expect(await hashSource('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(await hashSource('« é »')).toBe(sha256('« é »'));
  });
});

describe('reading and writing a policy', () => {
  it('reads directives in order with their sources, and writes them back on one line', () => {
    const policy = parsePolicy("default-src 'self';img-src 'self' data:; script-src 'self' 'sha256-a=';");
    expect([...policy]).toEqual([
      ['default-src', ["'self'"]],
      ['img-src', ["'self'", 'data:']],
      ['script-src', ["'self'", "'sha256-a='"]],
    ]);
    expect(formatPolicy(policy)).toBe("default-src 'self'; img-src 'self' data:; script-src 'self' 'sha256-a='");
  });

  it('ignores a repeated directive, as browsers do', () => {
    expect(parsePolicy("script-src 'self'; Script-Src *").get('script-src')).toEqual(["'self'"]);
  });
});

describe('merging policies', () => {
  it('keeps every directive and every source of each, in the order first seen', () => {
    const merged = mergePolicies([
      parsePolicy("default-src 'self'; script-src 'self' 'sha256-a='"),
      parsePolicy("script-src 'sha256-b=' 'self'; frame-ancestors 'none'"),
    ]);
    expect(formatPolicy(merged)).toBe(
      "default-src 'self'; script-src 'self' 'sha256-a=' 'sha256-b='; frame-ancestors 'none'",
    );
  });

  it("drops 'none' from a directive another policy gives sources", () => {
    const merged = mergePolicies([parsePolicy("default-src 'none'"), parsePolicy("default-src 'self'")]);
    expect(merged.get('default-src')).toEqual(["'self'"]);
  });
});

describe('whether a policy allows inline content', () => {
  const policy = parsePolicy(
    "default-src 'self'; script-src 'self' 'sha256-s='; style-src 'self'; style-src-attr 'unsafe-hashes' 'sha256-a='",
  );

  it('allows a script by its hash, and no other', () => {
    expect(allowsInline(policy, 'script', 'sha256-s=')).toBe(true);
    expect(allowsInline(policy, 'script', 'sha256-x=')).toBe(false);
  });

  it('allows a style attribute by its hash in style-src-attr, and never an event handler', () => {
    expect(allowsInline(policy, 'style-attribute', 'sha256-a=')).toBe(true);
    expect(allowsInline(policy, 'style-attribute', 'sha256-x=')).toBe(false);
    expect(allowsInline(policy, 'event-handler', 'sha256-s=')).toBe(false);
  });

  it('allows a style element by style-src, which has no hash for it, and falls back to default-src', () => {
    expect(allowsInline(policy, 'style', 'sha256-a=')).toBe(false);
    expect(allowsInline(parsePolicy("default-src 'self'"), 'style', 'sha256-a=')).toBe(false);
    expect(allowsInline(parsePolicy("img-src 'self'"), 'style', 'sha256-a=')).toBe(true);
  });

  it("counts 'unsafe-inline' only in a directive without hashes, as browsers do", () => {
    expect(allowsInline(parsePolicy("script-src 'unsafe-inline'"), 'script', 'sha256-x=')).toBe(true);
    expect(allowsInline(parsePolicy("script-src 'unsafe-inline' 'sha256-s='"), 'script', 'sha256-x=')).toBe(false);
  });

  it("needs 'unsafe-hashes' for an attribute's hash", () => {
    expect(allowsInline(parsePolicy("style-src-attr 'sha256-a='"), 'style-attribute', 'sha256-a=')).toBe(false);
  });
});

describe("the header's policy", () => {
  const page = `default-src 'self'; script-src ${SCRIPT_SOURCES.join(' ')} 'sha256-inline=' 'sha256-file='; style-src 'self' 'sha256-css='`;
  const redirect = "default-src 'none'; script-src 'sha256-redirect='";

  it("is the union of the pages' policies with frame-ancestors, keeping the hashes of inline content pages have", () => {
    expect(buildHeaderPolicy([page, redirect], new Set(['sha256-inline=', 'sha256-redirect=']))).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-inline=' 'sha256-redirect='; " +
        "style-src 'self'; frame-ancestors 'none'",
    );
  });

  it('allows everything each page allows of what it has', () => {
    const used = new Set(['sha256-inline=', 'sha256-redirect=']);
    const header = parsePolicy(buildHeaderPolicy([page, redirect], used));
    for (const hash of used) expect(allowsInline(header, 'script', hash)).toBe(true);
  });
});
