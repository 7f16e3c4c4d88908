#!/usr/bin/env python3
"""Load test: people working a whole phase at once through Tasklist's REST calls (Gatling).

  python3 src/test/load/run-load.py [--setups h2:1,pg:1,pg:2] [--shapes pause:8,pause:32,pause:128,sat:32]

For each setup (database and number of nodes) it starts the packaged application (target/cxzy-*.jar,
demo profile, demo cadence; `pg` adds the postgres profile on the database of CXZY_LOAD_POSTGRES_URL's
parts, emptied first; a second node starts once the first is healthy), imports a synthetic city through
/api/import (schools of a secretary and members, a leading committee per eight schools, every one with a
login and the initial password the import returns), and then for each shape: the city office starts a
phase, the fan-out to the organizations' cycles is awaited, and Gatling
(src/test/gatling/cn/wujiang/cxzy/load/PhaseLoadSimulation.java, Maven profile `load`) lets the people
work the phase's first steps (制定承诺, 审核承诺, 认领承诺, 确认党员承诺) until none is left, or the time
or count bound is reached; the phase is then cancelled. Each person is sent to one node.

Measured per run: submissions per second, p50/p95/p99 per kind of request, every answer that was not a
success by status and message (500s, English engine messages, 409s), and the CPU time per submission of
the application (the node JVMs, /proc/<pid>/stat), of PostgreSQL (the backends of the load database) and
of the load tool (Maven and Gatling), with the machine's load meanwhile. Prints the tables and writes
them to target/load/load-latest.md and .json. Everything started is stopped at the end.
"""
import argparse, base64, datetime, glob, json, math, os, resource, signal, subprocess, sys, time
import urllib.error, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
OUT = os.path.join(ROOT, 'target', 'load')
FIRST_STEPS = ['Task_DraftCommitments', 'Task_ApproveCommitments', 'Task_ClaimCommitments',
               'Task_ReviseMemberCommitment', 'Task_ConfirmMemberCommitments']
DEMO_GRASSROOTS = 19  # grassroots organizations of the demo city, which take part in every phase too
TICK = os.sysconf('SC_CLK_TCK')
NODES = []


def log(msg):
    print(f'[{time.strftime("%H:%M:%S")}] {msg}', flush=True)


def fail(msg):
    log('FAILED: ' + msg)
    stop_all()
    sys.exit(1)


class Node:
    def __init__(self, name, port, env, workdir):
        self.name, self.port, self.env, self.workdir, self.proc = name, port, env, workdir, None

    @property
    def base(self):
        return f'http://127.0.0.1:{self.port}'

    def start(self, jar):
        logf = open(os.path.join(self.workdir, self.name + '.log'), 'a')
        cmd = ['java', '-Xmx768m', '-jar', jar, f'--server.port={self.port}']
        self.proc = subprocess.Popen(cmd, env={**os.environ, **self.env}, stdout=logf, stderr=subprocess.STDOUT,
                                     cwd=self.workdir)
        NODES.append(self)
        return self

    def healthy(self, timeout=900):
        end = time.time() + timeout
        while time.time() < end:
            if self.proc.poll() is not None:
                fail(f'{self.name} exited with {self.proc.returncode}; see {self.workdir}/{self.name}.log')
            try:
                with urllib.request.urlopen(f'{self.base}/actuator/health', timeout=2) as r:
                    if b'"UP"' in r.read():
                        return self
            except Exception:
                pass
            time.sleep(1)
        fail(f'{self.name} did not become healthy')

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def call(self, user, password, method, path, body=None, timeout=120):
        req = urllib.request.Request(self.base + path, method=method,
                                     data=json.dumps(body, ensure_ascii=False).encode() if body is not None else None)
        req.add_header('Authorization', 'Basic ' + base64.b64encode(f'{user}:{password}'.encode()).decode())
        req.add_header('Content-Type', 'application/json')
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                text = r.read()
                return json.loads(text) if text else None
        except urllib.error.HTTPError as e:
            fail(f'{method} {path} as {user}: {e.code} {e.read().decode(errors="replace")[:300]}')


def stop_all():
    for node in NODES:
        node.stop()
    NODES.clear()


def import_csv(node, what, lines, passwords):
    body = ('\n'.join(lines) + '\n').encode()
    boundary = 'cxzyloadboundary'
    data = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{what}.csv"\r\n'
            f'Content-Type: text/csv\r\n\r\n').encode() + body + f'\r\n--{boundary}--\r\n'.encode()
    req = urllib.request.Request(f'{node.base}/api/import/{what}', data=data, method='POST')
    req.add_header('Authorization', 'Basic ' + base64.b64encode(b'office.sec:demo').decode())
    req.add_header('Content-Type', f'multipart/form-data; boundary={boundary}')
    try:
        with urllib.request.urlopen(req, timeout=600) as r:
            result = json.loads(r.read())
    except urllib.error.HTTPError as e:
        fail(f'import of {what}: {e.code} {e.read().decode(errors="replace")[:500]}')
    log(f'imported {what}: ' + result['message'])
    for c in result.get('credentials') or []:
        passwords[c['username']] = c['password']


def school(i):
    return f'ld-{i:03d}'


def leader(i):
    """The leading committee of school i: one per eight schools."""
    return f'ldl-{(i - 1) // 8 + 1:02d}'


def import_city(node, schools, members):
    """Schools under leading committees of the education system, each person with a login."""
    orgs = ['code,name,type,system,leader_code,grassroots,unit']
    people = ['member_no,name,org_code,role,position,email,username']
    for j in range(1, (schools - 1) // 8 + 2):
        code = f'ldl-{j:02d}'
        orgs.append(f'{code},中共吴江市第{j}学区委员会,党委,教育,edu-bureau,否,吴江市第{j}学区')
        people.append(f'LL{j:04d},学区书记{j},{code},书记,书记,,{code}.sec')
    for i in range(1, schools + 1):
        code = school(i)
        orgs.append(f'{code},吴江市第{i}负载测试学校党支部,党支部,教育,{leader(i)},是,吴江市第{i}负载测试学校')
        people.append(f'LS{i:05d},负载书记{i},{code},书记,书记,,{code}.sec')
        for m in range(1, members + 1):
            people.append(f'LM{i:04d}{m:02d},负载教师{i}-{m},{code},党员,教师,,{code}.m{m}')
    passwords = {}
    import_csv(node, 'organizations', orgs, passwords)
    import_csv(node, 'members', people, passwords)
    return passwords


def logins_of(schools, members, passwords, nodes):
    """The run's people, the members of one school next to each other (they get the same notice at the
    same moment), each sent to one node."""
    users = []
    for i in range(1, schools + 1):
        if (i - 1) % 8 == 0:
            users.append(leader(i) + '.sec')
        users.append(school(i) + '.sec')
        users += [f'{school(i)}.m{m}' for m in range(1, members + 1)]
    return [{'user': u, 'password': passwords[u], 'base': nodes[k % len(nodes)].base,
             'actsForOrganization': u.endswith('.sec')} for k, u in enumerate(users)]


PROBES = []


def probe_member_org_list(node, passwords):
    """What a member (in no group) gets when opening 本组织待办 in Tasklist."""
    user = school(1) + '.m1'
    auth = 'Basic ' + base64.b64encode(f'{user}:{passwords[user]}'.encode()).decode()
    req = urllib.request.Request(node.base + '/engine-rest/filter?resourceType=Task')
    req.add_header('Authorization', auth)
    with urllib.request.urlopen(req, timeout=60) as r:
        filters = {f['name']: f['id'] for f in json.loads(r.read())}
    req = urllib.request.Request(f'{node.base}/engine-rest/filter/{filters["本组织待办"]}/list?firstResult=0&maxResults=15',
                                 data=b'{}', method='POST')
    req.add_header('Authorization', auth)
    req.add_header('Content-Type', 'application/json')
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return f'a member opening 本组织待办: {r.status}'
    except urllib.error.HTTPError as e:
        return f'a member opening 本组织待办: {e.code} {e.read().decode(errors="replace")[:200]}'


def count_tasks(node, phase_id, keys, business_keys=None):
    body = {'taskDefinitionKeyIn': keys}
    if business_keys:
        body['processInstanceBusinessKeyIn'] = business_keys
    else:
        body['processInstanceBusinessKeyLike'] = f'%:{phase_id}'
    return node.call('admin', 'admin', 'POST', '/engine-rest/task/count', body)['count']


# --- CPU time -------------------------------------------------------------------------------------------

def proc_ticks(pid):
    try:
        with open(f'/proc/{pid}/stat') as f:
            fields = f.read().rsplit(')', 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None


def pg_backends(pg):
    if not pg:
        return []
    out = subprocess.run(['psql', '-h', pg['host'], '-p', pg['port'], '-U', pg['user'], '-d', pg['db'], '-tAc',
                          f"select pid from pg_stat_activity where datname = '{pg['db']}' and pid <> pg_backend_pid()"],
                         env={**os.environ, 'PGPASSWORD': pg['password']}, capture_output=True, text=True)
    return [int(line) for line in out.stdout.split() if line.strip().isdigit()]


def machine_ticks():
    with open('/proc/stat') as f:
        cpu = [int(x) for x in f.readline().split()[1:]]
    idle = cpu[3] + cpu[4]
    return sum(cpu), idle


def cpu_snapshot(pg):
    return {'java': {n.proc.pid: proc_ticks(n.proc.pid) for n in NODES},
            'pg': {pid: proc_ticks(pid) for pid in pg_backends(pg)},
            'machine': machine_ticks(), 'tool': resource.getrusage(resource.RUSAGE_CHILDREN),
            'time': time.time()}


def cpu_delta(before, after):
    def seconds(b, a):
        total = 0
        for pid, ticks in a.items():
            if ticks is not None:
                total += ticks - (b.get(pid) or 0)
        return total / TICK
    tool = (after['tool'].ru_utime + after['tool'].ru_stime) - (before['tool'].ru_utime + before['tool'].ru_stime)
    total = after['machine'][0] - before['machine'][0]
    busy = total - (after['machine'][1] - before['machine'][1])
    return {'app': seconds(before['java'], after['java']), 'db': seconds(before['pg'], after['pg']),
            'tool': tool, 'machine_busy': busy / TICK, 'wall': after['time'] - before['time'],
            'cores': os.cpu_count()}


# --- one setup: nodes, city, runs ----------------------------------------------------------------------

def schools_for(people, args):
    return max(args.min_schools, math.ceil(2 * people / (args.members + 1)))


def run_setup(setup, shapes, args, jar):
    db, count = setup.split(':')
    count = int(count)
    workdir = os.path.join(OUT, f'{db}-{count}')
    os.makedirs(workdir, exist_ok=True)
    env = {}
    pg = None
    if db == 'h2':
        data = os.path.join(workdir, 'data')
        subprocess.run(['rm', '-rf', data], check=True)
        env['DB_URL'] = f'jdbc:h2:file:{data}/cxzy;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0'
        if count > 1:
            fail('two nodes need PostgreSQL (pg:2)')
    else:
        pg = {'host': os.environ.get('CXZY_LOAD_POSTGRES_HOST', '127.0.0.1'),
              'port': os.environ.get('CXZY_LOAD_POSTGRES_PORT', '5432'),
              'db': os.environ.get('CXZY_LOAD_POSTGRES_DB', 'cxzy_load'),
              'user': os.environ.get('CXZY_LOAD_POSTGRES_USER', 'cxzy'),
              'password': os.environ.get('CXZY_LOAD_POSTGRES_PASSWORD', 'cxzy')}
        empty = subprocess.run(['psql', '-h', pg['host'], '-p', pg['port'], '-U', pg['user'], '-d', pg['db'], '-qc',
                                'drop schema public cascade; create schema public;'],
                               env={**os.environ, 'PGPASSWORD': pg['password']}, capture_output=True, text=True)
        if empty.returncode != 0:
            fail('could not empty the load database: ' + empty.stderr)
        env.update({'SPRING_PROFILES_ACTIVE': 'postgres,demo', 'DB_HOST': pg['host'], 'DB_PORT': pg['port'],
                    'DB_NAME': pg['db'], 'DB_USER': pg['user'], 'DB_PASSWORD': pg['password']})
    nodes = []
    for k in range(count):
        # The first node creates the schemas; the others start on them once it is healthy.
        node_env = {**env, 'CAMUNDA_SCHEMA_UPDATE': 'true' if k == 0 else 'false'}
        node = Node(f'node{k + 1}', args.port + k, node_env, workdir).start(jar)
        t = time.time()
        node.healthy()
        log(f'{setup}: {node.name} healthy on {node.port} after {time.time() - t:.0f} s')
        nodes.append(node)
    a = nodes[0]
    most = max(schools_for(p, args) for _, p in shapes)
    passwords = import_city(a, most, args.members)
    PROBES.append(f'{setup}: ' + probe_member_org_list(a, passwords))
    results = []
    number = 0
    for shape, people in shapes:
        for repeat in range(args.repeat):
            number += 1
            results.append(run_shape(setup, nodes, pg, shape, people, number, repeat, passwords, args, workdir, most))
            save(DONE + results, args)  # what is measured so far survives an interrupted run
    stop_all()
    return results


def run_shape(setup, nodes, pg, shape, people, number, repeat, passwords, args, workdir, most):
    a = nodes[0]
    schools = schools_for(people, args)
    today = datetime.date.today()
    phase = a.call('office.sec', 'demo', 'POST', '/api/phases',
                   {'phaseNumber': number, 'theme': f'负载测试第{number}时段', 'startDate': today.isoformat(),
                    'endDate': (today + datetime.timedelta(days=180)).isoformat()})
    phase_id = phase['id']
    t = time.time()
    expected = DEMO_GRASSROOTS + most
    end = time.time() + 600
    while count_tasks(a, phase_id, ['Task_DraftCommitments']) < expected:
        if time.time() > end:
            fail(f'the fan-out of phase {number} did not reach {expected} cycles')
        time.sleep(1)
    log(f'{setup} {shape}:{people}: phase {number} started, {expected} cycles in {time.time() - t:.0f} s; '
        f'{schools} schools worked')
    time.sleep(3)  # the fan-out's last commits
    name = f'{setup.replace(":", "-")}-{shape}-{people}-{repeat + 1}'
    business_keys = [f'{school(i)}:{phase_id}' for i in range(1, schools + 1)]
    logins = logins_of(schools, args.members, passwords, nodes)
    pause = (args.pause_min_ms, args.pause_max_ms) if shape == 'pause' else (0, 0)
    expected_submissions = schools * (args.members + 4)
    plan = {'label': f'{setup} {shape} {people}', 'people': people, 'pauseMinMs': pause[0], 'pauseMaxMs': pause[1],
            'maxSeconds': args.max_seconds, 'maxSubmissions': expected_submissions * 2,
            'maxTasksPerVisit': args.tasks_per_visit, 'logins': logins,
            'admin': {'user': 'admin', 'password': 'admin', 'base': a.base},
            'taskKeys': FIRST_STEPS, 'businessKeys': business_keys,
            'out': os.path.join(workdir, name + '.json')}
    plan_file = os.path.join(workdir, name + '-plan.json')
    with open(plan_file, 'w') as f:
        json.dump(plan, f, ensure_ascii=False)
    if os.path.exists(plan['out']):
        os.remove(plan['out'])
    tool_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    gatling_log = os.path.join(workdir, name + '-gatling.log')
    with open(gatling_log, 'w') as logf:
        mvn = subprocess.Popen([os.path.join(ROOT, 'mvnw'), '-B', '-ntp', '-o', '-q', '-Pload', 'gatling:test',
                                '-Dgatling.noReports=' + str(args.no_reports).lower(),
                                f'-DLOAD_PLAN={plan_file}'], cwd=ROOT, env={**os.environ, 'LOAD_PLAN': plan_file},
                               stdout=logf, stderr=subprocess.STDOUT)
        # The application's and the database's CPU time are taken from the moment the simulation starts
        # to the moment it writes its outcome, not while Maven starts.
        before = after = None
        while mvn.poll() is None:
            if before is None and 'PhaseLoadSimulation started' in open(gatling_log, errors='replace').read():
                before = cpu_snapshot(pg)
                load_before = os.getloadavg()[0]
            if before is not None and after is None and os.path.exists(plan['out']):
                after = cpu_snapshot(pg)
            time.sleep(0.5)
        rc = mvn.returncode
    if before is None or after is None:
        fail(f'Gatling did not run (exit {rc}); see {gatling_log}')
    tool_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    before['tool'], after['tool'] = tool_before, tool_after
    if not os.path.exists(plan['out']):
        fail(f'Gatling wrote no outcome (exit {rc}); see {workdir}/{name}-gatling.log')
    with open(plan['out']) as f:
        outcome = json.load(f)
    left = count_tasks(a, phase_id, FIRST_STEPS, business_keys)
    a.call('office.sec', 'demo', 'POST', f'/api/phases/{phase_id}/cancel', {'reason': '负载测试结束'})
    outcome.update({'setup': setup, 'shape': shape, 'schools': schools, 'logins': len(logins),
                    'expectedSubmissions': expected_submissions, 'left': left, 'cpu': cpu_delta(before, after),
                    'loadBefore': load_before, 'loadAfter': os.getloadavg()[0], 'gatlingExit': rc})
    log(f'{setup} {shape}:{people}: {outcome["submissions"]} submissions in {outcome["seconds"]:.0f} s '
        f'({outcome["endedBy"]}), {sum(e["count"] for e in outcome["errors"])} errors, {left} tasks left')
    return outcome


# --- the report ----------------------------------------------------------------------------------------

def pct(outcome, request):
    r = outcome['requests'].get(request)
    return f'{r["p50"]}/{r["p95"]}/{r["p99"]}' if r else '-'


def errors_of(outcome, pred):
    return sum(e['count'] for e in outcome['errors'] if pred(e))


def per_submission(seconds, subs):
    return f'{1000 * seconds / subs:.0f}' if subs else '-'


def report(results):
    lines = ['| setup | shape | people | schools | submissions (of) | s | submissions/s | submit p50/p95/p99 ms '
             '| claim | form-variables | list 本组织待办 | list 我的待办 | errors | 500 | EN | 409 | left '
             '| CPU ms/submission app / db / tool | machine busy (other) | load |',
             '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: '
             '| ---: | --- | --- | --- |']
    for o in results:
        subs, cpu = o['submissions'], o['cpu']
        rate = subs / o['seconds'] if o['seconds'] else 0
        ours = cpu['app'] + cpu['db'] + cpu['tool']
        lines.append(
            f'| {o["setup"]} | {o["shape"]} | {o["people"]} | {o["schools"]} | {subs} ({o["expectedSubmissions"]}) '
            f'| {o["seconds"]:.0f} | {rate:.1f} | {pct(o, "submit")} | {pct(o, "claim")} | {pct(o, "form-variables")} '
            f'| {pct(o, "list 本组织待办")} | {pct(o, "list 我的待办")} '
            f'| {errors_of(o, lambda e: True)} | {errors_of(o, lambda e: e["status"] == 500)} '
            f'| {errors_of(o, lambda e: e["message"].startswith("EN "))} | {errors_of(o, lambda e: e["status"] == 409)} '
            f'| {o["left"]} | {per_submission(cpu["app"], subs)} / {per_submission(cpu["db"], subs)} / '
            f'{per_submission(cpu["tool"], subs)} '
            f'| {100 * cpu["machine_busy"] / (cpu["wall"] * cpu["cores"]):.0f} % '
            f'({100 * max(0, cpu["machine_busy"] - ours) / (cpu["wall"] * cpu["cores"]):.0f} %) '
            f'| {o["loadBefore"]:.1f}→{o["loadAfter"]:.1f} |')
    lines += ['', '| setup | shape | people | request | status | message | count |', '| --- | --- | ---: | --- | ---: | --- | ---: |']
    for o in results:
        for e in o['errors']:
            lines.append(f'| {o["setup"]} | {o["shape"]} | {o["people"]} | {e["request"]} | {e["status"]} '
                         f'| {e["message"].replace("|", "/")} | {e["count"]} |')
    lines += ['', capacity(results), ''] + ['Probe: ' + p for p in PROBES]
    return '\n'.join(lines)


def capacity(results):
    """What nodes on machines of their own would carry, from the CPU time per submission (2 cores each)."""
    out = ['Capacity from CPU time per submission (machines of 2 cores each, the database on its own; '
           'CPU-bound ceilings, clashes and waiting not included):', '']
    for o in results:
        subs, cpu = o['submissions'], o['cpu']
        if not subs:
            continue
        app, db = cpu['app'] / subs, cpu['db'] / subs
        if db > 0:
            caps = ', '.join(f'{n} node{"s" if n > 1 else ""} {min(n * 2 / app, 2 / db):.0f}/s'
                             for n in (1, 2, 4))
            out.append(f'- {o["setup"]} {o["shape"]} {o["people"]}: app {1000 * app:.0f} ms, database {1000 * db:.0f} ms '
                       f'per submission → {caps} (the database alone {2 / db:.0f}/s)')
        else:
            out.append(f'- {o["setup"]} {o["shape"]} {o["people"]}: app with its H2 {1000 * app:.0f} ms per submission '
                       f'→ one node on a machine of its own {2 / app:.0f}/s')
    return '\n'.join(out)


DONE = []  # the results of the setups finished


def save(results, args):
    text = report(results)
    with open(os.path.join(OUT, args.report + '.md'), 'w') as f:
        f.write(text + '\n')
    with open(os.path.join(OUT, args.report + '.json'), 'w') as f:
        json.dump(results, f, ensure_ascii=False, indent=1)
    return text


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--setups', default='h2:1,pg:1,pg:2', help='database:nodes, comma-separated (h2:1, pg:1, pg:2)')
    p.add_argument('--shapes', default='pause:8,pause:32,pause:128,sat:32',
                   help='pause:N (people pausing between actions) or sat:N (no pauses), comma-separated')
    p.add_argument('--repeat', type=int, default=1, help='runs of each shape (medians: 3)')
    p.add_argument('--members', type=int, default=4, help='members with a login per school, besides its secretary')
    p.add_argument('--min-schools', type=int, default=16, help='schools worked in a run at least (else 2 logins per person)')
    p.add_argument('--max-seconds', type=int, default=300, help='bound of one run in time')
    p.add_argument('--pause-min-ms', type=int, default=1000)
    p.add_argument('--pause-max-ms', type=int, default=3000)
    p.add_argument('--tasks-per-visit', type=int, default=3)
    p.add_argument('--port', type=int, default=18270, help='first node\'s port; the second node the next')
    p.add_argument('--no-reports', action='store_true', help='no Gatling HTML report (target/gatling)')
    p.add_argument('--report', default='load-latest', help='name of the tables written to target/load/')
    p.add_argument('--no-compile', action='store_true', help='the Gatling sources are compiled already')
    args = p.parse_args()
    jars = sorted(glob.glob(os.path.join(ROOT, 'target', 'cxzy-*.jar')))
    if not jars:
        fail('no target/cxzy-*.jar: run ./mvnw -DskipTests package first')
    shapes = [(s.split(':')[0], int(s.split(':')[1])) for s in args.shapes.split(',')]
    os.makedirs(OUT, exist_ok=True)
    if not args.no_compile:
        log('compiling the load test (./mvnw -Pload test-compile)')
        if subprocess.run([os.path.join(ROOT, 'mvnw'), '-B', '-ntp', '-q', '-Pload', 'test-compile'], cwd=ROOT).returncode:
            fail('the load test did not compile')
    signal.signal(signal.SIGTERM, lambda *_: fail('terminated'))
    try:
        for setup in args.setups.split(','):
            DONE.extend(run_setup(setup, shapes, args, jars[0]))
    finally:
        stop_all()
    print(save(DONE, args))


if __name__ == '__main__':
    main()
