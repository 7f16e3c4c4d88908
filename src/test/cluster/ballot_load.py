"""A bounded load on the public ballot page (/evaluate/{code}), from this process over loopback.

Every request goes through the page as a phone would: GET the ballot (a token in a cookie and a hidden
field), then POST the form. The mix:

  valid      each code of the organizations' sheets cast once, from its own client address
  replayed   a tenth of the used codes posted again                        -> 409, nothing stored
  malformed  a ballot without the 五个好 ratings, on a code not yet used   -> 400, the code stays usable
  unknown    well-formed codes that do not exist, each from a new address  -> 404
  guessing   one address trying unknown codes past the attempt limit       -> 404 up to the limit, then 429
             with Retry-After; valid codes from that same address (a school's Wi-Fi) still open (200)
             and are cast from it

Client addresses are set with X-Forwarded-For, as a reverse proxy on the same host would (the node runs
with server.forward-headers-strategy=native). What the load expects of the database, the caller checks:
the returned `accepted` (ballots per organization) and `rates` (the satisfaction rate those ballots give).
"""
import concurrent.futures, http.client, random, re, statistics, threading, time

ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
CRITERION = re.compile(r'name="(org_[A-Z_]+)"')
TOKEN = re.compile(r'name="token" value="([^"]+)"')
SHEET_CODE = re.compile(r'\b([2-9A-HJKMNP-Z]{5})-([2-9A-HJKMNP-Z]{5})\b')


def codes_on_sheet(html):
    """The codes printed on an organization's sheet (ABCDE-FGHJK), in order."""
    seen = []
    for a, b in SHEET_CODE.findall(html):
        if a + b not in seen:
            seen.append(a + b)
    return seen


class Client:
    """One keep-alive connection per thread and node."""

    def __init__(self):
        self.local = threading.local()

    def request(self, port, method, path, body=None, headers=None):
        conns = getattr(self.local, 'conns', None)
        if conns is None:
            conns = self.local.conns = {}
        for attempt in range(2):
            conn = conns.get(port) or http.client.HTTPConnection('127.0.0.1', port, timeout=30)
            conns[port] = conn
            try:
                conn.request(method, path, body=body, headers=headers or {})
                response = conn.getresponse()
                return response.status, response.getheader('Set-Cookie') or '', response.read().decode()
            except (http.client.HTTPException, ConnectionError):
                conn.close()
                conns.pop(port, None)
                if attempt:
                    raise


def ballot(voter):
    """The 五个好 of one ballot: mostly 满意, every fourth 不满意, every tenth 不了解 (all criteria alike)."""
    if voter % 10 == 5:
        return 'UNKNOWN'
    return 'DISSATISFIED' if voter % 4 == 3 else 'SATISFIED'


class Load:
    def __init__(self, ports, sheets, threads=8, max_failed_attempts=10, seed=7):
        """sheets: organization code -> its codes. Requests are spread over the nodes' ports."""
        self.client = Client()
        self.ports = ports
        self.sheets = sheets
        self.threads = threads
        self.limit = max_failed_attempts
        self.random = random.Random(seed)
        self.lock = threading.Lock()
        self.latency = {}  # kind -> [seconds]
        self.outcomes = {}  # (kind, status) -> count
        self.unexpected = []
        self.accepted = {org: 0 for org in sheets}
        self.rated = {org: [0, 0] for org in sheets}  # satisfied ballots, ballots not 不了解
        self.voter = 0

    def address(self):
        with self.lock:
            self.voter += 1
            v = self.voter
        return f'10.{(v >> 16) & 255}.{(v >> 8) & 255}.{v & 255}'

    def record(self, kind, status, expected, seconds, detail=''):
        with self.lock:
            self.latency.setdefault(kind, []).append(seconds)
            self.outcomes[(kind, status)] = self.outcomes.get((kind, status), 0) + 1
            if status not in expected:
                self.unexpected.append(f'{kind}: {status} (expected {expected}) {detail[:200]}')

    def open_ballot(self, port, code, ip):
        status, cookie, html = self.client.request(port, 'GET', '/evaluate/' + code, headers={'X-Forwarded-For': ip})
        token = TOKEN.search(html)
        return status, (cookie.split(';')[0] if cookie else ''), (token.group(1) if token else ''), \
            sorted(set(CRITERION.findall(html)))

    def post(self, port, code, ip, cookie, fields):
        body = '&'.join(f'{k}={v}' for k, v in fields.items())
        return self.client.request(port, 'POST', '/evaluate/' + code, body=body, headers={
            'X-Forwarded-For': ip, 'Cookie': cookie, 'Content-Type': 'application/x-www-form-urlencoded'})[0]

    def cast(self, port, org, code, n, ip=None):
        """A voter opens the ballot and submits it; True when stored."""
        ip = ip or self.address()
        t = time.perf_counter()
        status, cookie, token, criteria = self.open_ballot(port, code, ip)
        if status != 200 or not token or not criteria:
            self.record('valid', status, (302,), time.perf_counter() - t, f'GET {code}')
            return False
        rating = ballot(n)
        fields = {'token': token, **{c: rating for c in criteria}}
        status = self.post(port, code, ip, cookie, fields)
        self.record('valid', status, (302,), time.perf_counter() - t, code)
        if status == 302:
            with self.lock:
                self.accepted[org] += 1
                if rating != 'UNKNOWN':
                    self.rated[org][1] += 1
                    self.rated[org][0] += rating == 'SATISFIED'
            return (port, code, cookie, fields)
        return False

    def replay(self, port, code, cookie, fields):
        t = time.perf_counter()
        status = self.post(port, code, self.address(), cookie, fields)
        self.record('replayed', status, (409,), time.perf_counter() - t, code)

    def malformed(self, port, code):
        ip = self.address()
        t = time.perf_counter()
        status, cookie, token, _ = self.open_ballot(port, code, ip)
        status = self.post(port, code, ip, cookie, {'token': token, 'org_BOGUS': 'SATISFIED', 'opinion': '%3Cscript%3E'})
        self.record('malformed', status, (400,), time.perf_counter() - t, code)

    def unknown(self, port, ip=None, expected=(404,)):
        code = ''.join(self.random.choice(ALPHABET) for _ in range(10))
        t = time.perf_counter()
        status, _, _ = self.client.request(port, 'GET', '/evaluate/' + code, headers={'X-Forwarded-For': ip or self.address()})
        self.record('unknown' if ip is None else 'guessing', status, expected, time.perf_counter() - t, code)
        return status

    def run(self):
        work = []
        n = 0
        held_back = []
        for org, codes in self.sheets.items():
            for i, code in enumerate(codes):
                n += 1
                if i == 0 and len(held_back) < 3:
                    held_back.append((org, code, n))  # tried by the guesser first, cast at the end
                    continue
                if i == 1:
                    work.append(('malformed', org, code, n))
                work.append(('valid', org, code, n))
        for _ in range(max(1, n // 5)):
            work.append(('unknown', None, None, 0))
        self.random.shuffle(work)
        used = []
        started = time.perf_counter()

        def one(item):
            kind, org, code, k = item
            port = self.ports[k % len(self.ports)]
            if kind == 'valid':
                done = self.cast(port, org, code, k)
                if done and k % 10 == 0:
                    used.append(done)
            elif kind == 'malformed':
                self.malformed(port, code)
            else:
                self.unknown(port)

        with concurrent.futures.ThreadPoolExecutor(self.threads) as pool:
            list(pool.map(one, [w for w in work if w[0] == 'malformed']))
            list(pool.map(one, [w for w in work if w[0] != 'malformed']))
            list(pool.map(lambda u: self.replay(*u), list(used)))
        seconds = time.perf_counter() - started

        # One address guessing, on one node: its unknown codes are slowed down, its valid codes are not.
        guesser, port = '192.0.2.66', self.ports[0]
        statuses = [self.unknown(port, guesser, (404, 429)) for _ in range(self.limit + 10)]
        refused = 0
        for org, code, k in held_back:
            status, _, _, _ = self.open_ballot(port, code, guesser)
            self.record('guessing', status, (200,), 0, 'valid code from the slowed-down address')
            refused += status != 200
        for org, code, k in held_back:
            self.cast(port, org, code, k, guesser)
        guessing = {
            'tried': len(statuses), 'answered_404': statuses.count(404), 'answered_429': statuses.count(429),
            'first_429_at': statuses.index(429) + 1 if 429 in statuses else None,
            'valid_codes_refused_while_slowed_down': refused, 'valid_codes_tried_while_slowed_down': len(held_back)}
        if statuses[:self.limit] != [404] * self.limit or statuses[self.limit:] != [429] * 10:
            self.unexpected.append(f'attempt limit: {statuses}')
        return self.summary(seconds, guessing)

    def summary(self, seconds, guessing):
        def pct(values, p):
            values = sorted(values)
            return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000 if values else 0

        loaded = {k: v for k, v in self.latency.items() if k != 'guessing'}
        requests = sum(len(v) for v in loaded.values())
        valid = self.latency.get('valid', [])
        return {
            'seconds': round(seconds, 2),
            'clients': self.threads,
            'nodes': len(self.ports),
            'submissions': requests,
            'submissions_per_second': round(requests / seconds, 1),
            'ballots_stored_per_second': round(sum(self.accepted.values()) / seconds, 1),
            'valid_ms': {'p50': round(pct(valid, 50), 1), 'p95': round(pct(valid, 95), 1),
                         'p99': round(pct(valid, 99), 1), 'max': round(pct(valid, 100), 1)},
            'median_ms': {k: round(statistics.median(v) * 1000, 1) for k, v in loaded.items()},
            'outcomes': {f'{k} {s}': c for (k, s), c in sorted(self.outcomes.items())},
            'accepted': self.accepted,
            'rates': {org: (round(s / r, 4) if r else None) for org, (s, r) in self.rated.items()},
            'guessing': guessing,
            'unexpected': self.unexpected[:20],
        }
