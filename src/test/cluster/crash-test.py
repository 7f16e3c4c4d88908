#!/usr/bin/env python3
"""Crash and cluster test of the packaged application (target/cxzy-*.jar).

  cluster: a migration step, then two nodes on one PostgreSQL database. A phase is started on node A;
           node A is killed (SIGKILL) during the fan-out to the organizations' cycles, node B goes on,
           A comes back. The public commitment of every organization is then worked through both nodes,
           and node B is killed while the publications run.
  single:  one node on an H2 file, killed during the fan-out and during the publications, restarted.

In the end: every organization has exactly one cycle and one published commitment, no job is stuck,
no incident is open, and no notice was written twice. Prints a table; exit 0 when all of it holds.
"""
import base64, glob, json, os, shutil, signal, subprocess, sys, tempfile, time, urllib.error, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
MODE = sys.argv[1] if len(sys.argv) > 1 else 'single'
OUT = os.path.join(ROOT, 'target', 'crash-test-' + MODE)
JAR = sorted(glob.glob(os.path.join(ROOT, 'target', 'cxzy-*.jar')))
DEMO_ORGS = 19
EXTRA_ORGS = 100  # more schools, so that the fan-out lasts long enough to be interrupted
ORGS = DEMO_ORGS + EXTRA_ORGS
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
               '--camunda.bpm.job-execution.max-wait=1000'] + self.args
        self.proc = subprocess.Popen(cmd, env={**os.environ, **self.env}, stdout=logf, stderr=subprocess.STDOUT,
                                     cwd=OUT)
        return self

    def healthy(self, timeout=180):
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

    def call(self, user, method, path, body=None, password=None):
        pw = password or ('admin' if user == 'admin' else 'demo')
        req = urllib.request.Request(f'http://127.0.0.1:{self.port}{path}', method=method,
                                     data=json.dumps(body, ensure_ascii=False).encode() if body is not None else None)
        req.add_header('Authorization', 'Basic ' + base64.b64encode(f'{user}:{pw}'.encode()).decode())
        req.add_header('Content-Type', 'application/json')
        for attempt in range(5):
            try:
                with urllib.request.urlopen(req, timeout=30) as r:
                    text = r.read()
                    return json.loads(text) if text else None
            except urllib.error.HTTPError as e:
                detail = e.read().decode(errors='replace')
                if e.code == 401 and attempt < 4:  # a wrong-password lock-out is brief
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


def import_extra_schools(node):
    lines = ['code,name,type,system,leader_code,grassroots,unit']
    for i in range(1, EXTRA_ORGS + 1):
        lines.append(f'x-{i:03d},吴江市第{i}测试学校党支部,党支部,教育,edu-bureau,是,吴江市第{i}测试学校')
    body = ('\n'.join(lines) + '\n').encode()
    boundary = 'cxzyboundary'
    data = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="orgs.csv"\r\n'
            f'Content-Type: text/csv\r\n\r\n').encode() + body + f'\r\n--{boundary}--\r\n'.encode()
    req = urllib.request.Request(f'http://127.0.0.1:{node.port}/api/import/organizations', data=data, method='POST')
    req.add_header('Authorization', 'Basic ' + base64.b64encode(b'office.sec:demo').decode())
    req.add_header('Content-Type', f'multipart/form-data; boundary={boundary}')
    with urllib.request.urlopen(req, timeout=120) as r:
        log('imported ' + json.loads(r.read())['message'])


def psql(sql):
    if MODE != 'cluster':
        return None
    out = subprocess.run(['psql', '-h', '127.0.0.1', '-U', 'cxzy', '-d', 'cxzy_cluster', '-tAc', sql],
                         env={**os.environ, 'PGPASSWORD': 'cxzy'}, capture_output=True, text=True, check=True)
    return out.stdout.strip()


def main():
    if not JAR:
        fail('no target/cxzy-*.jar: run ./mvnw package first')
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    env = {'CAMUNDA_ADMIN_PASSWORD': 'admin', 'SPRING_PROFILES_ACTIVE': 'demo'}
    if MODE == 'cluster':
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
        env['DB_URL'] = f'jdbc:h2:file:{OUT}/data/cxzy;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0'
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
    work_commitments(nodes, phase, leaders)
    victim = nodes[-1]
    pending = count(victim, '/job/count?activityId=ServiceTask_PublishCommitments')
    victim.kill()
    log(f'killed {victim.name} with {pending} publications pending')
    figures.append(('publications pending when the node was killed', str(pending)))
    if len(nodes) == 1:
        victim.start().healthy()
    watcher = nodes[0]
    wait_for('every publication',
             lambda: count(watcher, '/history/process-instance/count?processDefinitionKey=publicCommitment&finished=true') >= DEMO_ORGS,
             timeout=300)
    if len(nodes) > 1:
        victim.start().healthy()
    figures.append(('commitment step for every organization, through all nodes', f'{time.time() - t1:.1f} s'))

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
        dup = psql("select count(*) from (select event_key from ntf_notice group by event_key having count(*) > 1) d")
        checks.append(('no notice written twice', dup == '0', dup + ' duplicated events'))
        pub = psql("select count(*) from cmt_commitment where status = 'PUBLISHED'")
        checks.append(('one published commitment row per organization', pub == str(DEMO_ORGS), pub))
        jobs_by = psql("select count(distinct lock_owner_) from act_ru_job")
        figures.append(('job owners holding jobs at the end', jobs_by))
    print()
    print(f'| {MODE} | value |')
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


if __name__ == '__main__':
    main()
