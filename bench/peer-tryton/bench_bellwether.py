#!/usr/bin/env python3
"""Benchmark Bellwether CRM's REST API the way bench.py measures the Tryton peer.

(Bellwether's copy of ../shared/peer-tryton/bench_bellwether.py: scenario b pages by cursor
by default now that the deal list has keyset paging, --deep offset for the old way.)

Standard library only; loopback only. Same structure as bench.py: a fixed number of
requests per scenario from 1 and from N concurrent clients (each with its own
keep-alive connection), a time cap, then raw-SQL baselines of the same queries through
psql with \\timing (N runs after 3 warm-up runs).

Scenarios (Bellwether's equivalents of bench.py's a-d):
  a  GET /api/v1/opportunities?open=true&sort=closeDate,desc&page=0&size=50
  b  GET /api/v1/opportunities?sort=closeDate,desc&page=1000&size=50  (offset 50,000;
     OFFSET paging only: the API has no keyset/cursor paging for deal lists)
  c  GET /api/v1/opportunities/{random id} + GET /api/v1/opportunities/{id}/line-items
     (2 requests = 1 op)
  d  GET /api/v1/accounts?q=ran&sort=name,asc&size=50   (name or domain contains 'ran': 1,607 of
     20,000 accounts, as 1,648 of 20,021 Tryton parties contain 'abc'; no account contains 'abc')

Auth: --auth basic (HTTP Basic, the password checked on every request: the API is
stateless) or --auth token (a personal access token, "Authorization: Bearer bw_...",
created directly in the database for the user, the way the benchmark's ApiTokens.create
stores them: sha256 hex of the secret). The default user is the generated executive
bench.ceo, who sees every deal.

Usage: python3 bench_bellwether.py [--url http://127.0.0.1:8390] [--auth token|basic]
         [--n1 200] [--n8 400] [--clients 8] [--warmup 50] [--out bench-bw]
"""
import argparse
import base64
import hashlib
import http.client
import json
import os
import random
import re
import secrets
import statistics
import subprocess
import threading
import time
import urllib.parse

ap = argparse.ArgumentParser()
ap.add_argument('--url', default='http://127.0.0.1:8390')
ap.add_argument('--db', default='bellwether_perf')
ap.add_argument('--login', default='bench.ceo')
ap.add_argument('--password', default=os.environ.get('BW_PASSWORD', 'bench-password'))
ap.add_argument('--auth', choices=['basic', 'token'], default='token')
ap.add_argument('--n1', type=int, default=200, help='requests per scenario, 1 client')
ap.add_argument('--n8', type=int, default=400, help='requests per scenario in total, N clients')
ap.add_argument('--clients', type=int, default=8)
ap.add_argument('--warmup', type=int, default=50, help='warm-up ops per scenario (1 client) before measuring')
ap.add_argument('--max-seconds', type=float, default=90, help='time cap per scenario run')
ap.add_argument('--scenarios', default='abcd')
ap.add_argument('--q', default='ran', help="account search text (8%% of accounts match 'ran', as 8%% of Tryton's parties match 'abc')")
ap.add_argument('--deep-page', type=int, default=1000, help='page number for b (size 50)')
ap.add_argument('--deep', choices=['keyset', 'offset'], default='keyset',
    help='b by cursor (the page after row deep-page*50, its cursor taken once from page deep-page-1) '
         'or by page number (OFFSET)')
ap.add_argument('--sql-n', type=int, default=50)
ap.add_argument('--no-sql', action='store_true')
ap.add_argument('--pg', default='host=127.0.0.1 port=5432 user=bellwether password=bellwether')
ap.add_argument('--out', default='bench-bw')
args = ap.parse_args()

u = urllib.parse.urlparse(args.url)
assert u.hostname in ('127.0.0.1', 'localhost', '::1'), 'loopback only'


def psql(sql, db=None):
    p = subprocess.run(['psql', '-X', '-qtA', args.pg + ' dbname=' + (db or args.db), '-c', sql],
        capture_output=True, text=True)
    if p.returncode:
        raise RuntimeError(p.stderr)
    return p.stdout


def make_token(login):
    secret = 'bw_' + base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip('=')
    h = hashlib.sha256(secret.encode()).hexdigest()
    psql("insert into api_tokens (id, user_id, name, token_hash, token_prefix, created_at) "
         "select gen_random_uuid(), id, 'perf bench', '%s', '%s', now() from users where username = '%s'"
         % (h, secret[:10], login))
    return secret


AUTH = None


class Client:
    def __init__(self):
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=120)

    def get(self, path):
        headers = {'Authorization': AUTH, 'Accept': 'application/json'}
        for attempt in (1, 2):
            try:
                self.conn.request('GET', path, headers=headers)
                resp = self.conn.getresponse()
                data = resp.read()
                break
            except (http.client.HTTPException, ConnectionError, OSError):
                self.conn.close()
                if attempt == 2:
                    raise
        if resp.status != 200:
            raise RuntimeError('GET %s HTTP %s %s' % (path, resp.status, data[:200]))
        return json.loads(data)


def op_a(c, rnd, ids):
    r = c.get('/api/v1/opportunities?open=true&sort=closeDate,desc&page=0&size=50')
    assert len(r['content']) == 50, len(r['content'])


DEEP_CURSOR = None


def deep_cursor():
    # a client paging through the list carries the cursor of the page before: take the one
    # after row (deep_page * 50) once, from the page before it
    global DEEP_CURSOR
    if DEEP_CURSOR is None:
        r = Client().get('/api/v1/opportunities?sort=closeDate,desc&page=%d&size=50' % (args.deep_page - 1))
        DEEP_CURSOR = urllib.parse.quote(r['page']['nextCursor'], safe='')
    return DEEP_CURSOR


def op_b(c, rnd, ids):
    if args.deep == 'keyset':
        r = c.get('/api/v1/opportunities?sort=closeDate,desc&size=50&cursor=%s' % deep_cursor())
    else:
        r = c.get('/api/v1/opportunities?sort=closeDate,desc&page=%d&size=50' % args.deep_page)
    assert len(r['content']) == 50, len(r['content'])


def op_c(c, rnd, ids):
    oid = rnd.choice(ids)
    rec = c.get('/api/v1/opportunities/%s' % oid)
    lines = c.get('/api/v1/opportunities/%s/line-items' % rec['id'])
    assert lines


def op_d(c, rnd, ids):
    c.get('/api/v1/accounts?q=%s&sort=name,asc&page=0&size=50' % args.q)


OPS = {'a': op_a, 'b': op_b, 'c': op_c, 'd': op_d}
DESC = {'a': 'list page 1 (50, open deals, by close date desc)',
    'b': ('deep page (after row 50,000 by cursor, size 50, by close date desc)' if args.deep == 'keyset'
          else 'deep page (OFFSET 50,000, size 50, by close date desc)'),
    'c': 'get 1 opportunity + its line items (2 requests)',
    'd': "accounts q=<text> (name/domain contains, 50, by name)"}


def pct(xs, p):
    xs = sorted(xs)
    k = (len(xs) - 1) * p / 100.0
    f = int(k)
    return xs[f] + (xs[min(f + 1, len(xs) - 1)] - xs[f]) * (k - f)


def loadavg():
    with open('/proc/loadavg') as f:
        return ' '.join(f.read().split()[:3])


def run(key, nclients, total, clients, ids):
    per = max(1, total // nclients)
    lat, errors = [], []
    lock = threading.Lock()
    deadline = time.time() + args.max_seconds

    def worker(i):
        rnd = random.Random(1000 + i)
        c = clients[i]
        mine = []
        for _ in range(per):
            if time.time() > deadline:
                break
            t = time.perf_counter()
            try:
                OPS[key](c, rnd, ids)
            except Exception as e:  # record and continue
                with lock:
                    errors.append(str(e)[:200])
                continue
            mine.append(time.perf_counter() - t)
        with lock:
            lat.extend(mine)

    la = loadavg()
    ths = [threading.Thread(target=worker, args=(i,)) for i in range(nclients)]
    t0 = time.perf_counter()
    for t in ths:
        t.start()
    for t in ths:
        t.join()
    wall = time.perf_counter() - t0
    res = {'scenario': key, 'clients': nclients, 'ok': len(lat),
        'errors': len(errors), 'wall_s': round(wall, 2),
        'p50_ms': round(pct(lat, 50) * 1000, 1) if lat else None,
        'p95_ms': round(pct(lat, 95) * 1000, 1) if lat else None,
        'mean_ms': round(statistics.mean(lat) * 1000, 1) if lat else None,
        'throughput_rps': round(len(lat) / wall, 1), 'loadavg_before': la}
    if errors:
        res['first_error'] = errors[0]
    print(json.dumps(res), flush=True)
    return res


# The SQL the endpoints run for an executive (who sees every deal: no owner filter),
# as captured from the PostgreSQL log (log_min_duration_statement = 0) with the
# parameters filled in; freshness: 30 days, today.
STALE = ("(o.closed_at is null and (o.last_touched_at < now() - make_interval(days => "
         "coalesce(s.stale_after_days, 30))))")
OVERDUE = "(o.closed_at is null and (o.close_date < current_date))"
DEAL_SELECT = ("select o.*, s.name as stage_name, s.outcome as stage_outcome, %s as stale, %s as overdue"
    % (STALE, OVERDUE))
DEAL_FROM = " from opportunities o join pipeline_stages s on s.id = o.stage_id"
ORDER = "o.close_date desc nulls last, o.close_date, o.id"


def sql_queries(sample_id):
    wa = "o.deleted_at is null and o.closed_at is null"
    wb = "o.deleted_at is null"
    return {
        'a': ("select count(*) from (select 1%s where %s limit 2050) c;\n" % (DEAL_FROM, wa)
              + "%s%s where o.id in (select o.id%s where %s order by %s limit 50 offset 0) order by %s;"
              % (DEAL_SELECT, DEAL_FROM, DEAL_FROM, wa, ORDER, ORDER)),
        'b': ("select count(*) from (select 1%s where %s limit 52050) c;\n" % (DEAL_FROM, wb)
              + "%s%s where o.id in (select o.id%s where %s order by %s limit 50 offset 50000) order by %s;"
              % (DEAL_SELECT, DEAL_FROM, DEAL_FROM, wb, ORDER, ORDER)),
        'c': ("%s%s where o.id = '%s';\n" % (DEAL_SELECT, DEAL_FROM, sample_id)
              + "select i.*, p.code as product_code, p.name as product_name from opportunity_line_items i "
              "join products p on p.id = i.product_id where i.opportunity_id = '%s' order by i.position, i.id;"
              % sample_id),
        'd': ("select count(*) from (select 1 from accounts a where a.deleted_at is null and "
              "(lower(a.name) like '%%%s%%' or lower(a.domain) like '%%%s%%') limit 2050) c;\n" % (args.q, args.q)
              + "select a.*, p.name as parent_name from accounts a left join accounts p on p.id = a.parent_id "
              "where a.deleted_at is null and (lower(a.name) like '%%%s%%' or lower(a.domain) like '%%%s%%') "
              "order by lower(a.name) asc nulls last, lower(a.name), a.id limit 50 offset 0;" % (args.q, args.q)),
    }


def sql_baseline(sample_id):
    """Each scenario's statements run as one psql line per iteration; \\timing reports
    each statement, so a run's time is the sum of its statements' times."""
    out = {}
    for k, q in sql_queries(sample_id).items():
        if k not in args.scenarios:
            continue
        nstmt = q.count(';')
        script = '\\o /dev/null\n\\timing on\n' + (q + '\n') * (args.sql_n + 3)
        p = subprocess.run(['psql', '-X', '-q', args.pg + ' dbname=' + args.db],
            input=script, capture_output=True, text=True)
        ts = [float(x) for x in re.findall(r'Time: ([0-9.]+) ms', p.stdout + p.stderr)]
        if not ts or p.stderr.strip():
            out[k] = {'error': (p.stderr or p.stdout)[:300]}
            print('SQL', k, out[k], flush=True)
            continue
        runs = [sum(ts[i:i + nstmt]) for i in range(0, len(ts), nstmt)][3:]
        out[k] = {'n': len(runs), 'statements': nstmt, 'p50_ms': round(pct(runs, 50), 2),
            'p95_ms': round(pct(runs, 95), 2)}
        print('SQL', k, json.dumps(out[k]), flush=True)
    return out


def main():
    global AUTH
    if args.auth == 'basic':
        AUTH = 'Basic ' + base64.b64encode(('%s:%s' % (args.login, args.password)).encode()).decode()
    else:
        AUTH = 'Bearer ' + make_token(args.login)
    nmax = max(1, args.clients)
    clients = [Client() for _ in range(nmax)]
    me = clients[0].get('/api/v1/users/me')
    print('signed in as %s (%s), auth %s' % (me.get('username'), me.get('role'), args.auth), flush=True)
    ids = [x for x in psql('select id from opportunities where deleted_at is null order by id').split() if x]
    print('opportunities visible: %d' % len(ids), flush=True)
    results = []
    for key in args.scenarios:
        wrnd = random.Random(0)
        for _ in range(args.warmup):  # warm-up (JIT, caches, pool)
            OPS[key](clients[0], wrnd, ids)
        results.append(run(key, 1, args.n1, clients, ids))
        results.append(run(key, nmax, args.n8, clients, ids))
    sql = {} if args.no_sql else sql_baseline(ids[len(ids) // 2])
    meta = {'date': time.strftime('%Y-%m-%d %H:%M:%S %Z'), 'url': args.url, 'db': args.db,
        'auth': args.auth, 'login': args.login, 'n1': args.n1, 'n8': args.n8, 'clients': nmax,
        'warmup': args.warmup, 'nproc': os.cpu_count(), 'opportunities': len(ids),
        'loadavg_end': loadavg()}
    os.makedirs(os.path.dirname(args.out) or '.', exist_ok=True)
    with open(args.out + '.json', 'w') as f:
        json.dump({'meta': meta, 'http': results, 'sql': sql}, f, indent=1)
    rows = ['| scenario | 1 client p50 / p95 ms | 1 client req/s | '
            '%d clients p50 / p95 ms | %d clients req/s | errors | raw SQL p50 / p95 ms |'
            % (nmax, nmax), '|---|---|---|---|---|---|---|']
    for key in args.scenarios:
        r1 = next(r for r in results if r['scenario'] == key and r['clients'] == 1)
        r8 = next(r for r in results if r['scenario'] == key and r['clients'] == nmax)
        s = sql.get(key, {})
        rows.append('| %s %s | %s / %s | %s | %s / %s | %s | %d | %s |' % (
            key, DESC[key], r1['p50_ms'], r1['p95_ms'], r1['throughput_rps'],
            r8['p50_ms'], r8['p95_ms'], r8['throughput_rps'], r1['errors'] + r8['errors'],
            ('%s / %s' % (s['p50_ms'], s['p95_ms'])) if 'p50_ms' in s else 'n/a'))
    md = '\n'.join(rows)
    with open(args.out + '.md', 'w') as f:
        f.write(md + '\n')
    print(md)


if __name__ == '__main__':
    main()
