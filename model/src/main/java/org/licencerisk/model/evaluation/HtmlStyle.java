package org.licencerisk.model.evaluation;

/** The inline CSS of the self-contained HTML reports (evaluation, comparison, drift): no fonts or external references. */
public final class HtmlStyle {

    /** The style sheet every report page starts with; a page may append rules of its own. */
    public static final String BASE = """
            body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 72em; color: #222; padding: 0 1em; }
            h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ccc; }
            table { border-collapse: collapse; margin: 0.8em 0; }
            th, td { border: 1px solid #ccc; padding: 0.3em 0.7em; text-align: right; }
            th:first-child, td.text { text-align: left; }
            thead th { background: #f0f3f7; }
            tr.headline td { font-weight: bold; background: #fff8e1; }
            p.notice { border-left: 4px solid #1f4e79; background: #f0f3f7; padding: 0.6em 1em; }
            .plots { display: flex; flex-wrap: wrap; gap: 1.5em; }
            .matrices { display: flex; flex-wrap: wrap; gap: 2em; }
            svg.plot { background: #fff; }
            svg .frame { fill: none; stroke: #444; }
            svg .grid { stroke: #e4e4e4; }
            svg .reference { stroke-dasharray: 5 4; stroke-width: 1.2; fill: none; }
            svg .series { stroke-width: 2; fill: none; }
            svg .bar { opacity: 0.35; }
            svg text { font-size: 11px; fill: #222; }
            svg .plot-title { font-size: 13px; font-weight: bold; }
            svg .bar-label { font-size: 9px; }
            .small { font-size: 0.9em; color: #555; }
            """;

    private HtmlStyle() {
    }
}
