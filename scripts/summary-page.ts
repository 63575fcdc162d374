// The step summary as a page that looks like GitHub's: the card a workflow run's page shows
// under the jobs ("<job> summary"), its markdown styled after GitHub's markdown-body (the light
// theme of github-markdown-css: 14px text, tables that scroll when wider than the card, inline
// code that wraps, <details> folded). For the demo's preview (demo-output/summary.html) and the
// README's screenshot (scripts/screenshot.ts). Styles inline, no external resources; the body
// is HTML already cleaned as GitHub cleans it (scripts/gfm.ts's renderGfm).
import { escapeHtml } from './gfm.js'

export interface SummaryPageOptions {
  /** The page's <title>. */
  title: string
  /** The job's name: the card's header says "<job> summary", as GitHub's does. */
  job: string
  /** The rendered, cleaned summary. */
  bodyHtml: string
  /** A line under the card (what made the page). */
  footer?: string
  /** Extra HTML at the end of <body> (the screenshot's measuring script). */
  tail?: string
  /** The card's width in CSS pixels; default 1012 (GitHub's run page at about 1100 px wide). */
  width?: number
}

const FONT =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"'
const MONO =
  'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace'

function styles(width: number): string {
  return `
  * { box-sizing: border-box; }
  body { margin: 0; padding: 24px 24px 16px; background: #ffffff; color: #1f2328;
         font: 14px/1.5 ${FONT}; }
  .card { max-width: ${width}px; margin: 0 auto; border: 1px solid #d1d9e0; border-radius: 6px;
          background: #ffffff; }
  .card-header { display: flex; align-items: center; justify-content: space-between;
                 padding: 16px; font-weight: 600; font-size: 14px; }
  .card-header .menu { color: #59636e; letter-spacing: 1px; font-weight: 700; }
  .markdown-body { padding: 0 24px 8px; font-size: 14px; line-height: 1.5; word-wrap: break-word; }
  .markdown-body > :first-child { margin-top: 0 !important; }
  .markdown-body h1, .markdown-body h2, .markdown-body h3, .markdown-body h4 {
    margin-top: 24px; margin-bottom: 16px; font-weight: 600; line-height: 1.25; }
  .markdown-body h2 { font-size: 1.5em; padding-bottom: 0.3em; border-bottom: 1px solid #d1d9e0b3; }
  .markdown-body h3 { font-size: 1.25em; }
  .markdown-body h4 { font-size: 1em; }
  .markdown-body p, .markdown-body ul, .markdown-body ol, .markdown-body table,
  .markdown-body pre, .markdown-body details, .markdown-body blockquote {
    margin-top: 0; margin-bottom: 16px; }
  .markdown-body ul, .markdown-body ol { padding-left: 2em; }
  .markdown-body li + li { margin-top: 0.25em; }
  .markdown-body strong, .markdown-body b { font-weight: 600; }
  .markdown-body a { color: #0969da; text-decoration: underline; text-underline-offset: 0.2rem; }
  .markdown-body table { border-spacing: 0; border-collapse: collapse; display: block;
    width: max-content; max-width: 100%; overflow: auto; font-variant: tabular-nums; }
  .markdown-body th { font-weight: 600; }
  .markdown-body th, .markdown-body td { padding: 6px 13px; border: 1px solid #d1d9e0; }
  .markdown-body tr { background-color: #ffffff; border-top: 1px solid #d1d9e0b3; }
  .markdown-body tr:nth-child(2n) { background-color: #f6f8fa; }
  .markdown-body code, .markdown-body tt { font-family: ${MONO}; font-size: 85%;
    padding: 0.2em 0.4em; margin: 0; white-space: break-spaces; background-color: #818b981f;
    border-radius: 6px; }
  .markdown-body pre { padding: 16px; overflow: auto; font-size: 85%; line-height: 1.45;
    background-color: #f6f8fa; border-radius: 6px; }
  .markdown-body pre code { font-size: 100%; padding: 0; white-space: pre; background: transparent; }
  .markdown-body details summary { cursor: pointer; }
  .markdown-body details:not([open]) > *:not(summary) { display: none !important; }
  .markdown-body hr { height: 0.25em; padding: 0; margin: 24px 0; background-color: #d1d9e0;
    border: 0; }
  footer { max-width: ${width}px; margin: 8px auto 0; color: #59636e; font-size: 12px; }
`
}

/** A whole page: the summary in GitHub's card. */
export function summaryPage(options: SummaryPageOptions): string {
  const width = options.width ?? 1012
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${styles(width)}</style>
</head>
<body>
<section class="card">
<div class="card-header"><span>${escapeHtml(options.job)} summary</span><span class="menu" aria-hidden="true">···</span></div>
<div class="markdown-body">
${options.bodyHtml}
</div>
</section>
${options.footer ? `<footer>${escapeHtml(options.footer)}</footer>\n` : ''}${options.tail ?? ''}</body>
</html>
`
}
