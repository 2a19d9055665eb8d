/**
 * The course's terms, defined once: English and Chinese term and a one-line definition in each.
 * Lessons link a term as `[sticky session](glossary:sticky-session)`; the lesson panel's glossary
 * dialog lists them; tests hold lesson texts (and UI strings) to these Chinese terms.
 */

export interface GlossaryText {
  /** The term as shown in the glossary. */
  term: string;
  /** One sentence for students. */
  definition: string;
}

export interface GlossaryEntry {
  /** Link target: `glossary:<id>`. */
  id: string;
  en: GlossaryText & {
    /** Further English forms that name the term in lesson texts (plurals, verbs), lower case. */
    forms?: readonly string[];
  };
  'zh-CN': GlossaryText & {
    /**
     * The forms a Chinese text may use for the term (the term's first part when omitted, e.g.
     * 排空 for 排空（drain）). A Chinese lesson text whose English names the term uses one of them.
     */
    forms?: readonly string[];
    /** Words for the same idea the course does not use: say the term instead (摘流量 → 排空). */
    avoid?: readonly string[];
  };
}

const entry = (id: string, en: GlossaryEntry['en'], zh: GlossaryEntry['zh-CN']): GlossaryEntry => ({ id, en, 'zh-CN': zh });

export const GLOSSARY: readonly GlossaryEntry[] = [
  entry('stateless', { term: 'stateless', definition: 'A service that keeps nothing a later request needs inside the instance, so any instance can serve any request.' }, { term: '无状态', definition: '实例内部不保存后续请求需要的任何东西，因此任何实例都能处理任何请求的服务。' }),
  entry('stateful', { term: 'stateful', definition: 'A service whose instance holds state that requests depend on, so a request must reach the instance that owns it.' }, { term: '有状态', definition: '实例里保存着请求所依赖的状态，请求必须送到拥有该状态的实例上的服务。' }),
  entry('load-balancer', { term: 'load balancer', definition: 'The node that spreads incoming requests over a group of instances according to a policy.', forms: ['load balancers'] }, { term: '负载均衡器', definition: '按某种策略把进来的请求分给一组实例的节点。' }),
  entry('sticky-session', { term: 'sticky session', definition: "Routing that sends every request of a user to the same instance, usually because that instance holds the user's session.", forms: ['sticky sessions'] }, { term: '粘性会话（会话保持）', definition: '把同一个用户的所有请求都送到同一个实例的路由方式，通常是因为该实例保存着这个用户的会话。', forms: ['粘性会话', '会话保持'] }),
  entry('session-store', { term: 'session store', definition: 'A shared store that keeps user sessions outside the service instances, so any instance can read them.', forms: ['session stores'] }, { term: '会话存储', definition: '在服务实例之外保存用户会话的共享存储，任何实例都能读取。' }),
  entry('health-check', { term: 'health check', definition: "A periodic probe with which a load balancer decides whether an instance may receive traffic.", forms: ['health checks'] }, { term: '健康检查', definition: '负载均衡器定期发出的探测，用来判断一个实例能否接收流量。' }),
  entry('horizontal-scaling', { term: 'horizontal scaling', definition: 'Adding capacity by adding more instances rather than bigger machines.', forms: ['scale out', 'scaling out', 'scale-out'] }, { term: '水平扩展', definition: '通过增加实例数量而不是换更大的机器来提升容量。', forms: ['水平扩展', '扩容'] }),
  entry('consistent-hashing', { term: 'consistent hashing', definition: 'A way of mapping keys to owners so that adding or removing one owner moves only a small share of the keys.' }, { term: '一致性哈希', definition: '一种把键映射到所有者的方法：增加或移除一个所有者时，只有一小部分键需要迁移。' }),
  entry('partition', { term: 'partition', definition: 'One slice of the data or the key space, owned by one instance at a time.', forms: ['partitions', 'shard', 'shards'] }, { term: '分区', definition: '数据或键空间的一片，同一时刻由一个实例拥有。', forms: ['分区', '分片'] }),
  entry('owner', { term: 'owner', definition: 'The instance currently responsible for a partition or a piece of state; requests for it must go there.', forms: ['owners'] }, { term: '所有者', definition: '当前负责某个分区或某份状态的实例；与它相关的请求都必须送到这里。' }),
  entry('rebalancing', { term: 'rebalancing', definition: 'Moving partitions between instances after one joins or leaves, so the load is spread evenly again.', forms: ['rebalance', 'rebalances'] }, { term: '再平衡', definition: '有实例加入或离开后，在实例之间迁移分区，让负载重新均匀。' }),
  entry('locality', { term: 'locality', definition: 'Keeping state next to the code that uses it, so a request needs no remote lookup.' }, { term: '局部性', definition: '让状态待在使用它的代码旁边，请求就不必再去远程查找。' }),
  entry('hot-key', { term: 'hot key', definition: 'A key that receives a large share of the requests, overloading whichever instance owns it.', forms: ['hot keys', 'hot partition'] }, { term: '热点键', definition: '承接了大部分请求的键，会压垮拥有它的那个实例。', forms: ['热点'] }),
  entry('replication', { term: 'replication', definition: 'Copying every write from a leader to followers, so the data survives the loss of one machine.' }, { term: '复制', definition: '把每次写入从主库复制到从库，让数据在一台机器丢失后仍然存在。' }),
  entry('replication-lag', { term: 'replication lag', definition: 'How far a follower is behind its leader: writes the leader has acknowledged that the follower has not applied yet.' }, { term: '复制延迟', definition: '从库落后主库的程度：主库已经确认、从库还没有应用的写入。' }),
  entry('failover', { term: 'failover', definition: 'Handing the work of a failed node to another one, such as promoting a follower database to leader.', forms: ['fails over', 'failovers'] }, { term: '故障转移', definition: '把故障节点的工作交给另一个节点，例如把从库提升为主库。' }),
  entry('network-partition', { term: 'network partition', definition: 'A network failure that splits the nodes into groups that are all running but cannot reach each other.', forms: ['network partitions'] }, { term: '网络分区', definition: '网络故障把节点分成几组，每组都在运行，但组与组之间互相访问不到。' }),
  entry('split-brain', { term: 'split brain', definition: 'Two instances both believing they own the same partition, so both accept writes for it.', forms: ['split-brain'] }, { term: '脑裂', definition: '两个实例都认为自己拥有同一个分区，于是都接受它的写入。' }),
  entry('lease', { term: 'lease', definition: 'Ownership granted for a limited time; the owner must renew it or lose it when it expires.', forms: ['leases'] }, { term: '租约', definition: '有时限的所有权；所有者必须按时续约，否则到期就会失去它。' }),
  entry('epoch', { term: 'epoch', definition: 'A number the coordinator raises each time ownership changes, so newer owners can be told apart from older ones.', forms: ['epochs'] }, { term: '纪元（epoch）', definition: '每次所有权变化时协调者都会增大的编号，用来区分新旧所有者。', forms: ['纪元'] }),
  entry('fencing-token', { term: 'fencing token', definition: "An owner's epoch sent with every write, so storage can reject writes from an owner that has been replaced.", forms: ['fencing tokens', 'fencing'] }, { term: '隔离令牌（fencing token）', definition: '所有者随每次写入带上的纪元号，存储据此拒绝已被取代的所有者发来的写入。', forms: ['隔离令牌'] }),
  entry('quorum', { term: 'quorum', definition: 'The number of replicas that must agree (a majority) before a decision or a write counts.' }, { term: '法定人数', definition: '一个决定或一次写入生效前必须同意的副本数（通常是多数）。' }),
  entry('drain', { term: 'drain', definition: 'Stopping new requests to an instance and letting the ones in flight finish before it is stopped.', forms: ['drains', 'draining', 'drained'] }, { term: '排空（drain）', definition: '不再给一个实例发新请求，等正在处理的请求完成后再停止它。', forms: ['排空'], avoid: ['摘流量'] }),
  entry('rolling-deploy', { term: 'rolling deploy', definition: 'Replacing the instances of a tier a few at a time, so the service stays up during the deploy.', forms: ['rolling deploys', 'rolling deployment'] }, { term: '滚动部署', definition: '每次只替换一层中的少数几个实例，让服务在部署期间保持可用。', avoid: ['滚动发布'] }),
  entry('checkpoint', { term: 'checkpoint', definition: 'A saved copy of in-memory state from which an instance can recover after a restart.', forms: ['checkpoints', 'checkpointing'] }, { term: '检查点', definition: '内存状态的一份保存副本，实例重启后可以从它恢复。' }),
  entry('warm-up', { term: 'warm-up', definition: 'The time after a start during which caches are empty and an instance is slower than in steady state.' }, { term: '预热', definition: '启动之后缓存还是空的、实例比稳定状态慢的那段时间。' }),
  entry('idempotency', { term: 'idempotency', definition: 'The property that doing an operation twice has the same effect as doing it once, which makes retries safe.', forms: ['idempotent'] }, { term: '幂等性', definition: '同一操作执行两次与执行一次效果相同的性质，它让重试变得安全。', forms: ['幂等'] }),
  entry('backpressure', { term: 'backpressure', definition: 'A busy component telling its callers to slow down (by queueing limits or refusals) instead of taking on more work than it can do.' }, { term: '背压', definition: '繁忙的组件通过排队上限或拒绝请求让调用方放慢，而不是接下超出能力的工作。' }),
  entry('long-lived-connection', { term: 'long-lived connection', definition: 'A connection (a WebSocket, say) a client keeps open for many messages; it lives in one server process and is lost when that process stops.', forms: ['long-lived connections'] }, { term: '长连接', definition: '客户端为收发许多条消息而一直保持打开的连接（例如 WebSocket）；它存在于某一个服务器进程里，进程停止它就断了。' }),
  entry('reconnect-storm', { term: 'reconnect storm', definition: 'Many clients whose connections dropped together reconnecting at the same moment, overloading the servers that are left.', forms: ['reconnect storms'] }, { term: '重连风暴', definition: '大量连接同时断开的客户端在同一时刻一起重连，把剩下的服务器压垮。' }),
  entry('jitter', { term: 'backoff with jitter', definition: 'Waiting a random time, up to a limit that doubles after each failure, before trying again, so clients that failed together do not retry together.', forms: ['jitter', 'jittered backoff'] }, { term: '退避加抖动', definition: '重试前等待一段随机时间，其上限每失败一次翻倍，这样一起失败的客户端不会一起重试。', forms: ['抖动'] }),
];

export const GLOSSARY_BY_ID: ReadonlyMap<string, GlossaryEntry> = new Map(GLOSSARY.map((e) => [e.id, e]));

/** The href scheme with which lesson Markdown links a term. */
export const GLOSSARY_LINK = /^glossary:([a-z0-9-]+)$/;

/** Markdown links `](glossary:<id>)` in a text, by id, in order. */
export function glossaryLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(\s*glossary:([^\s)]*)/g)].map((m) => m[1]!);
}

/** Glossary links in a text that name no term (the pack validator reports them). */
export function unknownGlossaryLinks(markdown: string): string[] {
  return glossaryLinks(markdown).filter((id) => !GLOSSARY_BY_ID.has(id));
}

/** The Chinese forms a text may use for an entry: its listed forms, or the term before any （gloss）. */
export function zhForms(entry: GlossaryEntry): readonly string[] {
  return entry['zh-CN'].forms ?? [entry['zh-CN'].term.split('（')[0]!];
}

/** English forms of an entry, lower case: the term and its listed forms. */
export function enForms(entry: GlossaryEntry): readonly string[] {
  return [entry.en.term.toLowerCase(), ...(entry.en.forms ?? [])];
}
