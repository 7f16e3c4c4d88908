#!/usr/bin/env python3
"""Crash and cluster test of the packaged application (target/cxzy-*.jar).

  cluster: a migration step, then two nodes on one PostgreSQL database. A phase is started on node A;
           node A is killed (SIGKILL) during the fan-out to the organizations' cycles, node B goes on,
           A comes back. The public commitment of every organization is then worked through both nodes,
           and node B is killed while the publications run.
  single:  one node on an H2 file, killed during the fan-out and during the publications, restarted.
  startup: two fresh nodes started at the same moment on an EMPTY PostgreSQL database, without a migration
           step, while requests (an import among them) are sent to both: both come up with one demo city,
           and every request is answered 503 in Chinese (still starting) or served, never 500.

Both then hold the year's mass evaluation of every organization: the ballot page is put under a bounded
load from this process (ballot_load.py: valid, replayed, malformed, unknown and guessed codes), the
windows are closed, and a node is killed while the ballots are being scored.

In the end: every organization has exactly one cycle, one published commitment and one evaluation
result that counts exactly the ballots the load had accepted; no job is stuck, no incident is open, and
no notice was written twice. Prints a table; exit 0 when all of it holds.
"""
import base64, glob, json, os, shutil, signal, subprocess, sys, time, urllib.error, urllib.parse, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ballot_load  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
MODE = sys.argv[1] if len(sys.argv) > 1 else 'single'
OUT = os.path.join(ROOT, 'target', 'crash-test-' + MODE)
JAR = sorted(glob.glob(os.path.join(ROOT, 'target', 'cxzy-*.jar')))
DEMO_ORGS = 19
EXTRA_ORGS = 100  # more schools, so that the fan-out lasts long enough to be interrupted
ORGS = DEMO_ORGS + EXTRA_ORGS
YEAR = 2026
MAX_FAILED_ATTEMPTS = 10  # cxzy.evaluation.max-failed-attempts
H2_URL = f'jdbc:h2:file:{OUT}/data/cxzy;WRITE_DELAY=0;AUTO_SERVER=TRUE'
figures = []


def log(msg):
    print(f'[{time.strftime("%H:%M:%S")}] {msg}', flush=True)


def fail(msg):
    log('FAILED: ' + msg)
    print('0 passed, 1 failed')
    sys.exit(1)


class Node:
    def __init__(self, name, port, env, args=()):
        self.name, self.port, self.env, self.args, self.proc = name, port, env, list(args), None

    def start(self):
        logf = open(os.path.join(OUT, self.name + '.log'), 'a')
        cmd = ['java', '-Xmx768m', '-jar', JAR[0], f'--server.port={self.port}',
               '--camunda.bpm.job-execution.lock-time-in-millis=8000',
               '--camunda.bpm.job-execution.max-jobs-per-acquisition=2',
               '--camunda.bpm.job-execution.core-pool-size=2', '--camunda.bpm.job-execution.max-pool-size=2',
               '--camunda.bpm.job-execution.wait-time-in-millis=300',
               '--camunda.bpm.job-execution.max-wait=1000',
               # Client addresses of the ballot load come as X-Forwarded-For, as from a proxy on this host.
               '--server.forward-headers-strategy=native'] + self.args
        self.proc = subprocess.Popen(cmd, env={**os.environ, **self.env}, stdout=logf, stderr=subprocess.STDOUT,
                                     cwd=OUT)
        return self

    def healthy(self, timeout=600):  # a start takes minutes on a busy machine
        end = time.time() + timeout
        while time.time() < end:
            if self.proc.poll() is not None:
                fail(f'{self.name} exited with {self.proc.returncode}; see {OUT}/{self.name}.log')
            try:
                with urllib.request.urlopen(f'http://127.0.0.1:{self.port}/actuator/health', timeout=2) as r:
                    if b'"UP"' in r.read():
                        return self
            except Exception:
                pass
            time.sleep(0.5)
        fail(f'{self.name} did not become healthy')

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def call(self, user, method, path, body=None, password=None, raw=False):
        pw = password or PASSWORDS.get(user) or ('admin' if user == 'admin' else 'demo')
        req = urllib.request.Request(f'http://127.0.0.1:{self.port}{path}', method=method,
                                     data=json.dumps(body, ensure_ascii=False).encode() if body is not None else None)
        req.add_header('Authorization', 'Basic ' + base64.b64encode(f'{user}:{pw}'.encode()).decode())
        req.add_header('Content-Type', 'application/json')
        for attempt in range(5):
            try:
                with urllib.request.urlopen(req, timeout=30) as r:
                    text = r.read()
                    return text.decode() if raw else json.loads(text) if text else None
            except urllib.error.HTTPError as e:
                detail = e.read().decode(errors='replace')
                if e.code in (401, 503) and attempt < 4:  # a wrong-password lock-out is brief; 503: starting
                    time.sleep(1)
                    continue
                raise RuntimeError(f'{method} {path} as {user}: {e.code} {detail[:300]}')

    def rest(self, path):
        return self.call('admin', 'GET', '/engine-rest' + path)


def count(node, path):
    return node.rest(path)['count']


def wait_for(what, check, timeout=300, interval=0.5):
    end = time.time() + timeout
    while time.time() < end:
        value = check()
        if value:
            return value
        time.sleep(interval)
    fail('timed out waiting for ' + what)


def json_var(value):
    return {'value': json.dumps(value, ensure_ascii=False), 'type': 'Json'}


def submit(node, user, task, values):
    if not task.get('assignee'):
        node.call(user, 'POST', f"/engine-rest/task/{task['id']}/claim", {'userId': user})
    variables = {k: (json_var(v) if isinstance(v, list) else {'value': v}) for k, v in values.items()}
    node.call(user, 'POST', f"/engine-rest/task/{task['id']}/submit-form", {'variables': variables})


def tasks(node, key, phase):
    return node.rest(f'/task?taskDefinitionKey={key}&processInstanceBusinessKeyLike=%25%3A{phase}')


def all_tasks(node, key, phase):
    """The tasks of a step, until none is left (a task may appear while others are completed)."""
    done = set()
    for _ in range(20):
        batch = [t for t in tasks(node, key, phase) if t['id'] not in done]
        if not batch:
            return
        for task in batch:
            done.add(task['id'])
            yield task


def work_commitments(nodes, phase, leaders):
    """Every organization drafts, its leader approves, members claim, the organization confirms."""
    i = 0
    for key, values, who in [
        ('Task_DraftCommitments', {'guidance': '围绕中心工作开展创先争优', 'phaseGoals': '人人有承诺',
                                   'commitmentItems': '结对帮扶\n示范课\n家访全覆盖', 'standardOrg': '五个好',
                                   'standardMember': '五带头'}, 'org'),
        ('Task_ApproveCommitments', {'decision': 'approve'}, 'leader'),
        ('Task_ClaimCommitments', {'claimedItems': ['1', '3'], 'personalCommitment': '立足岗位，带头家访'}, 'assignee'),
        ('Task_ConfirmMemberCommitments', {'decision': 'approve'}, 'org')]:
        for task in all_tasks(nodes[0], key, phase):
            node = nodes[i % len(nodes)]
            i += 1
            org = node.rest(f"/process-instance/{task['processInstanceId']}")['businessKey'].split(':')[0]
            if org.startswith('x-'):
                continue
            user = task['assignee'] if who == 'assignee' and task.get('assignee') else \
                (leaders[org] + '.sec' if who == 'leader' else org + '.sec')
            submit(node, user, task, values)


PASSWORDS = {}  # the initial passwords of the imported secretaries


def import_csv(node, what, lines):
    body = ('\n'.join(lines) + '\n').encode()
    boundary = 'cxzyboundary'
    data = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{what}.csv"\r\n'
            f'Content-Type: text/csv\r\n\r\n').encode() + body + f'\r\n--{boundary}--\r\n'.encode()
    req = urllib.request.Request(f'http://127.0.0.1:{node.port}/api/import/{what}', data=data, method='POST')
    req.add_header('Authorization', 'Basic ' + base64.b64encode(b'office.sec:demo').decode())
    req.add_header('Content-Type', f'multipart/form-data; boundary={boundary}')
    for attempt in range(10):
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                result = json.loads(r.read())
            break
        except urllib.error.HTTPError as e:
            if e.code != 503 or attempt == 9:  # 503: the node is still starting
                raise
            time.sleep(int(e.headers.get('Retry-After') or 1))
    log(f'imported {what}: ' + result['message'])
    for c in result.get('credentials') or []:
        PASSWORDS[c['username']] = c['password']


def import_extra_schools(node):
    """More schools under the education bureau, each with a secretary (who prints its ballot codes)."""
    orgs = ['code,name,type,system,leader_code,grassroots,unit']
    members = ['member_no,name,org_code,role,position,email,username']
    for i in range(1, EXTRA_ORGS + 1):
        orgs.append(f'x-{i:03d},吴江市第{i}测试学校党支部,党支部,教育,edu-bureau,是,吴江市第{i}测试学校')
        members.append(f'X{i:05d},测试书记{i},x-{i:03d},书记,书记,,x-{i:03d}.sec')
    import_csv(node, 'organizations', orgs)
    import_csv(node, 'members', members)


def sql(query):
    """Rows of a query on the test's database (psql, or H2's shell through the node's AUTO_SERVER)."""
    if MODE in ('cluster', 'startup'):
        out = subprocess.run(['psql', '-h', '127.0.0.1', '-U', 'cxzy', '-d', 'cxzy_cluster', '-tAc', query],
                             env={**os.environ, 'PGPASSWORD': 'cxzy'}, capture_output=True, text=True, check=True)
        return [line.split('|') for line in out.stdout.splitlines() if line]
    jars = glob.glob(os.path.expanduser('~/.m2/repository/com/h2database/h2/*/h2-*.jar'))
    if not jars:
        fail('no H2 jar in ~/.m2 to read the database with')
    out = subprocess.run(['java', '-cp', sorted(jars)[-1], 'org.h2.tools.Shell', '-url', H2_URL, '-user', 'sa',
                          '-password', '', '-sql', query], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()[1:]
    return [[c.strip() for c in line.split(' | ')] for line in lines if not line.startswith('(')]


def scalar(query):
    return sql(query)[0][0]


def secretary(org):
    return org + '.sec'


def hold(node, activity, suspended=True):
    """Suspends (or activates) the jobs of an activity, as an operator can in Cockpit: the jobs then pile
    up, and a kill finds many of them at once."""
    for jd in node.rest(f'/job-definition?activityIdIn={activity}'):
        node.call('admin', 'PUT', f"/engine-rest/job-definition/{jd['id']}/suspended",
                  {'suspended': suspended, 'includeJobs': True})


def release(node, activity):
    hold(node, activity, False)


def evaluation_step(nodes, phase):
    """The year's mass evaluation of every organization: codes, the ballot load, windows closed by the
    organizations, and a node killed while the ballots are scored."""
    a = nodes[0]
    # The scoring jobs wait until every window is closed, so that the kill finds the scoring in full swing.
    hold(a, 'ServiceTask_ScoreEvaluation')
    t = time.time()
    a.call('office.sec', 'POST', f'/api/phases/{phase}/evaluations/{YEAR}')
    wait_for('every organization\'s codes', lambda: count(a, '/task/count?taskDefinitionKey=Task_RunEvaluation') == ORGS,
             timeout=300)
    sheets = {}
    for i, org in enumerate(sorted(orgs_of(a))):
        node = nodes[i % len(nodes)]
        html = node.call(secretary(org), 'GET', f'/api/evaluations/{org}/{phase}/{YEAR}/codes.html', raw=True)
        sheets[org] = ballot_load.codes_on_sheet(html)
    issued = sum(len(c) for c in sheets.values())
    figures.append(('evaluations opened, codes generated and printed', f'{ORGS} organizations, {issued} codes, '
                                                                       f'{time.time() - t:.1f} s'))
    log(f'{issued} codes on {len(sheets)} sheets; the ballot load begins')
    load = ballot_load.Load([n.port for n in nodes], sheets, max_failed_attempts=MAX_FAILED_ATTEMPTS).run()
    log('load: ' + json.dumps({k: v for k, v in load.items() if k not in ('accepted', 'rates')}, ensure_ascii=False))

    # Every organization closes its window (组织评议, no paper ballots).
    i = 0
    for task in a.rest('/task?taskDefinitionKey=Task_RunEvaluation&maxResults=1000'):
        org = a.rest(f"/process-instance/{task['processInstanceId']}")['businessKey'].split(':')[0]
        submit(nodes[i % len(nodes)], secretary(org), task, {'usePaper': 'none'})
        i += 1
    wait_for('every scoring job', lambda: count(a, '/job/count?activityId=ServiceTask_ScoreEvaluation') == ORGS)
    release(a, 'ServiceTask_ScoreEvaluation')
    scored = lambda: count(a, '/history/activity-instance/count?activityId=ServiceTask_ScoreEvaluation&finished=true')
    done = wait_for('the scoring to begin', lambda: scored() or False, timeout=120, interval=0.02)
    victim = nodes[0]
    victim.kill()
    figures.append(('organizations scored when the node was killed (scoring)', f'{done} of {ORGS}'))
    log(f'killed {victim.name} during the scoring at {done} of {ORGS}')
    t = time.time()
    victim.start().healthy()
    watcher = nodes[-1]
    wait_for('every result to be scored and graded',
             lambda: count(watcher, '/task/count?taskDefinitionKey=Task_ConfirmResults') == ORGS, timeout=300)
    figures.append(('kill to every organization scored and graded (the restart included)', f'{time.time() - t:.1f} s'))
    return load


def orgs_of(node):
    return [p['businessKey'].split(':')[0] for p in
            node.rest('/process-instance?processDefinitionKey=massEvaluation&maxResults=1000')]


def evaluation_checks(phase, load):
    checks = []
    accepted = load['accepted']
    total = sum(accepted.values())
    checks.append(('ballot load: no unexpected answer', not load['unexpected'],
                   '; '.join(load['unexpected'][:3]) or f"{load['submissions']} submissions"))
    stored = {r[0]: int(r[1]) for r in sql(
        "select e.org_code, count(b.id) from eval_evaluation e left join eval_ballot b on b.evaluation_id = e.id "
        f"where e.phase_id = '{phase}' and e.eval_year = {YEAR} group by e.org_code")}
    wrong = [o for o in accepted if stored.get(o) != accepted[o]]
    checks.append(('every accepted ballot stored exactly once', not wrong and sum(stored.values()) == total,
                   f'{sum(stored.values())} stored, {total} accepted' + (f', differ: {wrong[:5]}' if wrong else '')))
    used = scalar("select count(*) from eval_code c join eval_evaluation e on e.id = c.evaluation_id "
                  f"where e.phase_id = '{phase}' and c.used = true")
    checks.append(('codes used = ballots accepted (refused ballots used none)', used == str(total), f'{used} of {total}'))
    results = {r[0]: r[1:] for r in sql(
        "select e.org_code, count(*), max(r.electronic_ballots), max(r.rate) from eval_result r "
        "join eval_evaluation e on e.id = r.evaluation_id "
        f"where e.phase_id = '{phase}' and r.member_no is null group by e.org_code")}
    once = [o for o in accepted if o not in results or results[o][0] != '1']
    checks.append(('one result per organization after the kill', not once and len(results) == ORGS,
                   f'{len(results)} of {ORGS}' + (f', not once: {once[:5]}' if once else '')))
    counted = [o for o in accepted if o in results and int(results[o][1]) != accepted[o]]
    checks.append(('each result counts the ballots accepted for it', not counted, f'{len(results) - len(counted)} of {len(results)}'))
    off = [o for o, rate in load['rates'].items() if o in results and rate is not None
           and abs(float(results[o][2]) - rate) > 0.00011]
    checks.append(('each satisfaction rate equals the one the ballots give', not off,
                   f'{len(results) - len(off)} of {len(results)}' + (f', differ: {off[:5]}' if off else '')))
    g = load['guessing']
    checks.append(('the attempt limit holds, for unknown codes only', g['first_429_at'] == MAX_FAILED_ATTEMPTS + 1
                   and g['valid_codes_refused_while_slowed_down'] == 0,
                   f"429 from attempt {g['first_429_at']}, valid codes refused while slowed down "
                   f"{g['valid_codes_refused_while_slowed_down']} of {g['valid_codes_tried_while_slowed_down']}"))
    return checks


PROBE_ORG = 'x-probe'


def probe(port, kind):
    """One request of the kind a person or a script sends while the nodes start; returns its outcome."""
    base = f'http://127.0.0.1:{port}'
    headers = {}
    data = None
    if kind == 'import':  # the import that used to break the demo city's load (duplicate key city-office)
        boundary = 'cxzyprobe'
        body = ('code,name,type,system,leader_code,grassroots,unit\n'
                f'{PROBE_ORG},吴江市启动测试学校党支部,党支部,教育,edu-bureau,是,吴江市启动测试学校\n').encode()
        data = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="o.csv"\r\n'
                'Content-Type: text/csv\r\n\r\n').encode() + body + f'\r\n--{boundary}--\r\n'.encode()
        url, user = base + '/api/import/organizations', 'office.sec:demo'
        headers['Content-Type'] = f'multipart/form-data; boundary={boundary}'
    elif kind == 'tasks':
        url, user = base + '/engine-rest/task?maxResults=1', 'admin:admin'
    elif kind == 'tasklist':
        url, user = base + '/camunda/app/tasklist/', None
        headers['Accept'] = 'text/html'
    else:
        url, user = base + '/board/commitments', None
    req = urllib.request.Request(url, data=data, method='POST' if data else 'GET', headers=headers)
    if user:
        req.add_header('Authorization', 'Basic ' + base64.b64encode(user.encode()).decode())
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            r.read()
            return 'served'
    except urllib.error.HTTPError as e:
        body = e.read().decode(errors='replace')
        if e.code == 503:
            return '503 in Chinese' if '系统正在启动' in body and e.headers.get('Retry-After') else f'503 {body[:80]}'
        return f'{e.code} {kind} {body[:120]}'
    except (urllib.error.URLError, ConnectionError, OSError):
        return 'not listening yet'


def startup(env):
    """Two fresh nodes on an empty database, started together, with requests sent to both meanwhile."""
    import threading
    env = {**env, 'CAMUNDA_SCHEMA_UPDATE': 'true'}
    a, b = Node('nodeA', 18181, env), Node('nodeB', 18182, env)
    outcomes, stop = {}, threading.Event()

    def prober():
        kinds = ['import', 'tasks', 'tasklist', 'board']
        for i in range(100000):
            if stop.is_set():
                return
            outcome = probe((a, b)[i % 2].port, kinds[(i // 2) % len(kinds)])
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
            time.sleep(0.05)

    thread = threading.Thread(target=prober, daemon=True)
    t = time.time()
    a.start()
    b.start()
    thread.start()
    try:
        # one after the other through the start: the second waits for the first to be ready
        a.healthy(900)
        b.healthy(900)
        figures.append(('both nodes healthy after', f'{time.time() - t:.1f} s'))
        time.sleep(5)  # requests to both ready nodes too
        stop.set()
        thread.join(90)
        checks = []
        bad = {k: v for k, v in outcomes.items() if k not in ('served', '503 in Chinese', 'not listening yet')}
        checks.append(('requests during the start: 503 in Chinese or served, never 500', not bad,
                       json.dumps(outcomes, ensure_ascii=False)))
        checks.append(('some requests met a starting node and got 503 in Chinese', outcomes.get('503 in Chinese', 0) > 0,
                       str(outcomes.get('503 in Chinese', 0))))
        demo = scalar(f"select count(*) from org_organization where code <> '{PROBE_ORG}'")
        checks.append(('one demo city (organizations)', demo == '35', demo))
        offices = scalar("select count(*) from act_id_group where id_ = 'city-office'")
        checks.append(('one city office group', offices == '1', offices))
        users = scalar("select count(*) from act_id_user where id_ in ('admin', 'office.sec')")
        checks.append(('the administrator and the demo logins', users == '2', users))
        for node in (a, b):
            ok = node.call('office.sec', 'GET', '/engine-rest/task/count')['count'] >= 0
            checks.append((f'{node.name} serves a demo login', ok, 'yes' if ok else 'no'))
        raced = [n.name for n in (a, b) if 'ENGINE-03017' in open(os.path.join(OUT, n.name + '.log')).read()]
        checks.append(('no race on the schema (ENGINE-03017)', not raced, ', '.join(raced) or 'none'))
    finally:
        stop.set()
        a.stop()
        b.stop()
    print()
    print('| startup | value |')
    print('| --- | --- |')
    for name, value in figures:
        print(f'| {name} | {value} |')
    for name, ok, value in checks:
        print(f'| {name} | {"OK" if ok else "FAILED"} ({value}) |')
    with open(os.path.join(OUT, 'result.json'), 'w') as f:
        json.dump({'figures': figures, 'checks': checks}, f, ensure_ascii=False, indent=1)
    failed = sum(1 for c in checks if not c[1])
    print(f'{len(checks) - failed} passed, {failed} failed')
    if failed:
        sys.exit(1)


def main():
    if not JAR:
        fail('no target/cxzy-*.jar: run ./mvnw package first')
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    env = {'CAMUNDA_ADMIN_PASSWORD': 'admin', 'SPRING_PROFILES_ACTIVE': 'demo'}
    if MODE in ('cluster', 'startup'):
        if shutil.which('psql') is None:
            log('SKIPPED: no PostgreSQL client here')
            print('0 passed, 0 failed, 1 skipped')
            return
        subprocess.run(['su', 'postgres', '-c', 'psql -qc "drop database if exists cxzy_cluster"'], check=True,
                       capture_output=True)
        subprocess.run(['su', 'postgres', '-c', 'psql -qc "create database cxzy_cluster owner cxzy"'], check=True,
                       capture_output=True)
        env.update({'SPRING_PROFILES_ACTIVE': 'postgres,demo', 'DB_HOST': '127.0.0.1', 'DB_NAME': 'cxzy_cluster',
                    'DB_USER': 'cxzy', 'DB_PASSWORD': 'cxzy'})
    if MODE == 'startup':
        startup(env)
        return
    if MODE == 'cluster':
        t = time.time()
        migrate = Node('migrate', 0, {**env, 'CAMUNDA_SCHEMA_UPDATE': 'true'},
                       ['--cxzy.migrate-only=true',
                        '--camunda.bpm.job-execution.enabled=false']).start()
        if migrate.proc.wait(300) != 0:
            fail('the migration step failed; see migrate.log')
        figures.append(('migration step (schemas, deployments, demo city)', f'{time.time() - t:.1f} s'))
        node_env = {**env, 'CAMUNDA_SCHEMA_UPDATE': 'false'}
        a = Node('nodeA', 18181, node_env).start().healthy()
        b = Node('nodeB', 18182, node_env).start().healthy()
        nodes = [a, b]
    else:
        env['DB_URL'] = H2_URL
        a = Node('node', 18183, env).start().healthy()
        nodes = [a]
    try:
        run(nodes, env)
    finally:
        for n in nodes:
            n.stop()


def run(nodes, env):
    a = nodes[0]
    leaders = {}
    for org in [o for o in open(os.path.join(ROOT, 'src/main/resources/demo/organizations.csv'), encoding='utf-8')
                .read().splitlines()[1:]]:
        cols = org.split(',')
        leaders[cols[0]] = cols[4]
    import_extra_schools(a)
    t0 = time.time()
    phase = a.call('office.sec', 'POST', '/api/phases', {'phaseNumber': 1, 'theme': '推动科学发展筑堡垒',
                                                         'startDate': '2026-12-01', 'endDate': '2027-06-30'})['id']
    # Kill the node that started the phase while the cycles are being started.
    started = wait_for('the fan-out to begin', lambda: count(a, '/process-instance/count?processDefinitionKey=orgCycle') or False,
                       timeout=120, interval=0.05)
    a.kill()
    figures.append(('cycles started when the node was killed (fan-out)', f'{started} of {ORGS}'))
    log(f'killed {a.name} during the fan-out at {started} of {ORGS} cycles')
    if len(nodes) == 1:
        a.start().healthy()
    survivor = nodes[-1]
    wait_for('every cycle to start',
             lambda: count(survivor, '/process-instance/count?processDefinitionKey=orgCycle') == ORGS, timeout=240)
    if len(nodes) > 1:
        a.start().healthy()
    figures.append(('phase start to all cycles running (with the kill)', f'{time.time() - t0:.1f} s'))
    drafts = len(tasks(survivor, 'Task_DraftCommitments', phase))
    if drafts != ORGS:
        fail(f'{drafts} drafting tasks for {ORGS} organizations')

    t1 = time.time()
    hold(a, 'ServiceTask_PublishCommitments')
    work_commitments(nodes, phase, leaders)
    victim = nodes[-1]
    wait_for('every publication job', lambda: count(a, '/job/count?activityId=ServiceTask_PublishCommitments') == DEMO_ORGS)
    release(a, 'ServiceTask_PublishCommitments')
    published = lambda: count(a, '/history/activity-instance/count?activityId=ServiceTask_PublishCommitments&finished=true')
    done = wait_for('the publications to begin', lambda: published() or False, timeout=120, interval=0.02)
    victim.kill()
    log(f'killed {victim.name} during the publications at {done} of {DEMO_ORGS}')
    figures.append(('commitments published when the node was killed (publication)', f'{done} of {DEMO_ORGS}'))
    if len(nodes) == 1:
        victim.start().healthy()
    watcher = nodes[0]
    wait_for('every publication',
             lambda: count(watcher, '/history/process-instance/count?processDefinitionKey=publicCommitment&finished=true') >= DEMO_ORGS,
             timeout=300)
    if len(nodes) > 1:
        victim.start().healthy()
    figures.append(('commitment step for every organization, through all nodes', f'{time.time() - t1:.1f} s'))

    load = evaluation_step(nodes, phase)

    checks = []
    cycles = watcher.rest('/process-instance?processDefinitionKey=orgCycle&maxResults=1000')
    keys = [c['businessKey'] for c in cycles]
    checks.append(('one cycle per organization', len(keys) == ORGS and len(set(keys)) == ORGS, f'{len(set(keys))} distinct of {len(keys)}'))
    commitments = watcher.rest('/history/process-instance?processDefinitionKey=publicCommitment&maxResults=1000')
    ckeys = [c['businessKey'] for c in commitments]
    checks.append(('one public commitment per organization', len(ckeys) == ORGS == len(set(ckeys)), f'{len(set(ckeys))} distinct of {len(ckeys)}'))
    finished = count(watcher, '/history/process-instance/count?processDefinitionKey=publicCommitment&finished=true')
    checks.append(('the worked commitments all published', finished == DEMO_ORGS, f'{finished} of {DEMO_ORGS}'))
    incidents = count(watcher, '/incident/count')
    checks.append(('no incident', incidents == 0, str(incidents)))
    stuck = count(watcher, '/job/count?withException=true') + count(watcher, '/job/count?noRetriesLeft=true')
    checks.append(('no failed or stuck job', stuck == 0, str(stuck)))
    board = urllib.request.urlopen(f'http://127.0.0.1:{watcher.port}/board/commitments').read().decode()
    published = board.count('class="card"')
    checks.append(('every published commitment on the public board', published == DEMO_ORGS, f'{published} of {DEMO_ORGS}'))
    if MODE == 'cluster':
        jobs_by = scalar("select count(distinct lock_owner_) from act_ru_job")
        figures.append(('job owners holding jobs at the end', jobs_by))
    dup = scalar("select count(*) from (select event_key from ntf_notice group by event_key having count(*) > 1) d")
    checks.append(('no notice written twice', dup == '0', dup + ' duplicated events'))
    pub = scalar("select count(*) from cmt_commitment where status = 'PUBLISHED'")
    checks.append(('one published commitment row per organization', pub == str(DEMO_ORGS), pub))
    checks.extend(evaluation_checks(phase, load))
    print()
    print(f'| {MODE} | value |')
    print('| --- | --- |')
    for name, value in figures:
        print(f'| {name} | {value} |')
    for name, ok, value in checks:
        print(f'| {name} | {"OK" if ok else "FAILED"} ({value}) |')
    print()
    print(f'| ballot page under load ({MODE}) | value |')
    print('| --- | --- |')
    for name in ('seconds', 'clients', 'nodes', 'submissions', 'submissions_per_second', 'ballots_stored_per_second',
                 'valid_ms', 'median_ms', 'outcomes', 'guessing'):
        print(f'| {name} | {json.dumps(load[name], ensure_ascii=False)} |')
    with open(os.path.join(OUT, 'result.json'), 'w') as f:
        json.dump({'figures': figures, 'checks': checks, 'load': load}, f, ensure_ascii=False, indent=1)
    failed = sum(1 for c in checks if not c[1])
    print(f'{len(checks) - failed} passed, {failed} failed')
    if failed:
        sys.exit(1)


if __name__ == '__main__':
    main()
