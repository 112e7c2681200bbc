import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CACHE_FOLDER } from '../../src/build/build-paths.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

interface Step {
  uses?: string;
  run?: string;
  id?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

describe('the GitHub Pages workflow', () => {
  const workflow = parse(readFileSync(path.join(ROOT, '.github', 'workflows', 'deploy.yml'), 'utf8')) as {
    on: Record<string, unknown>;
    jobs: Record<string, { if?: string; needs?: string | string[]; outputs?: Record<string, string>; steps: Step[] }>;
  };
  const steps = workflow.jobs['build']!.steps;
  const at = (find: (step: Step) => boolean) => steps.findIndex(find);

  it("should restore the build's cache folder after npm ci and before the build, and save it under a key of each run", () => {
    const cache = steps[at((step) => step.uses?.startsWith('actions/cache@') ?? false)];
    expect(cache?.with?.path).toBe(CACHE_FOLDER);
    expect(at((step) => step.run === 'npm ci')).toBeLessThan(steps.indexOf(cache!));
    expect(steps.indexOf(cache!)).toBeLessThan(at((step) => step.run === 'npm run build'));
    // A key that changes every run, so every run's cache is saved; restored by prefix.
    expect(cache?.with?.key).toContain('${{ github.run_id }}');
    expect(cache?.with?.['restore-keys']).toMatch(/^dateline-\$\{\{ runner\.os \}\}-/m);
  });

  it('should check a pull request with validate, and build and publish only what is not one', () => {
    expect(workflow.on).toHaveProperty('pull_request');
    const check = workflow.jobs['check']!;
    expect(check.if).toBe("github.event_name == 'pull_request'");
    expect(check.steps.map((step) => step.run).filter(Boolean)).toEqual(['npm ci', 'npm run validate']);
    expect(workflow.jobs['build']!.if).toBe("github.event_name != 'pull_request'");
  });

  it('should publish the rest when a file has errors, list what was left out, and then mark the run failed', () => {
    const build = steps[at((step) => step.run === 'npm run build')]!;
    expect(build.env?.['LEAVE_OUT_REJECTED']).toBe("${{ vars.LEAVE_OUT_REJECTED || 'true' }}");
    const list = at((step) => step.id === 'left-out');
    expect(steps[list]?.run).toBe('npm run --silent left-out >> "$GITHUB_STEP_SUMMARY"');
    expect(at((step) => step.run === 'npm run build')).toBeLessThan(list);
    expect(list).toBeLessThan(at((step) => step.uses?.startsWith('actions/upload-pages-artifact@') ?? false));
    expect(workflow.jobs['build']!.outputs?.['left-out']).toBe('${{ steps.left-out.outputs.left-out }}');
    // After the deployment, never before it: the site goes out, then the run is marked.
    const leftOut = workflow.jobs['left-out']!;
    expect(leftOut.needs).toEqual(['build', 'deploy']);
    expect(leftOut.if).toBe("needs.build.outputs.left-out != '0'");
    expect(leftOut.steps.at(-1)?.run).toMatch(/exit 1\s*$/);
  });
});

describe('the Netlify configuration', () => {
  it('builds without pages at old addresses, so dist/_redirects answers them with a 301 (Netlify serves a file first)', () => {
    const toml = readFileSync(path.join(ROOT, 'netlify.toml'), 'utf8');
    expect(toml).toMatch(/^\[build\.environment\][^[]*^\s*REDIRECT_PAGES = "false"$/m);
    expect(toml).toMatch(/^\s*publish = "dist"$/m);
  });
});
