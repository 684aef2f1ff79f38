/// The report pages' one style sheet, inlined: nothing is fetched, so the file can be mailed or attached.
enum HTMLStyle {
    static let sheet = """
    :root{--critical:#b3261e;--high:#c25e00;--medium:#8a6d00;--low:#3b6e3b;--ink:#1d1d1f;--muted:#5f6368;\
    --line:#d9d9de;--panel:#f6f6f8}
    *{box-sizing:border-box}
    body{margin:0;font:15px/1.45 "Liberation Sans",Arial,Helvetica,sans-serif;color:var(--ink);background:#fff}
    main{max-width:1180px;margin:0 auto;padding:24px 28px 64px}
    h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:36px 0 10px;border-bottom:2px solid var(--line);\
    padding-bottom:4px}h3{font-size:16px;margin:0 0 6px}
    p,li,td,th,dd,code,summary{overflow-wrap:anywhere}
    code{font:13px/1.4 "Liberation Mono",Menlo,monospace;background:var(--panel);padding:0 3px;border-radius:3px}
    .muted{color:var(--muted)}
    table{border-collapse:collapse;width:100%;margin:6px 0 12px;font-size:14px}
    th,td{text-align:left;vertical-align:top;border-bottom:1px solid var(--line);padding:4px 8px}
    th{background:var(--panel);white-space:nowrap}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
    .cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
    .card{border:1px solid var(--line);border-radius:8px;padding:10px 14px;min-width:150px;background:var(--panel)}
    .card b{display:block;font-size:26px}
    .sev{display:inline-block;white-space:nowrap;min-width:64px;text-align:center;color:#fff;border-radius:4px;padding:0 6px;\
    font-size:12px;font-weight:bold;text-transform:uppercase}
    .sev.critical{background:var(--critical)}.sev.high{background:var(--high)}.sev.medium{background:var(--medium)}\
    .sev.low{background:var(--low)}
    .door{border:1px solid var(--line);border-left:6px solid var(--muted);border-radius:6px;padding:12px 16px;\
    margin:14px 0}
    .door.critical{border-left-color:var(--critical)}.door.high{border-left-color:var(--high)}\
    .door.medium{border-left-color:var(--medium)}.door.low{border-left-color:var(--low)}
    .fix{background:#eef6ee;border:1px solid #b9d8b9;border-radius:6px;padding:8px 12px;margin:8px 0}
    .diagram{overflow:auto;max-height:900px;border:1px solid var(--line);border-radius:6px;margin:8px 0;\
    background:#fff}
    .diagram svg{max-width:100%;height:auto}
    ol.path{margin:2px 0 6px 0;padding-left:20px}
    nav a{margin-right:14px}
    footer{margin-top:40px;color:var(--muted);font-size:13px}
    """
}
