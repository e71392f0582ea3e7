/** Records the follow-through tests share. */
export const CYCLE = {
  id: 'c2026',
  title: { en: 'Follow-through 2026–2027', vi: 'Theo dõi 2026–2027' },
  startsOn: '2026-01-01',
  endsOn: '2027-12-31',
  periodMonths: 6,
  periods: [
    { id: '2026-H1', startsOn: '2026-01-01', endsOn: '2026-06-30' },
    { id: '2026-H2', startsOn: '2026-07-01', endsOn: '2026-12-31' },
  ],
};

type Headers = Record<string, string>;
type Req = (
  path: string,
  init?: { method?: string; body?: unknown; headers?: Record<string, string> },
) => Promise<Response>;

/** A cycle and one project between Hanoi and Shiga with two milestones, written through the API. */
export async function buildCycleWithProject(req: Req, admin: Headers, editor: Headers, cycleId = CYCLE.id) {
  const post = async (path: string, body: unknown, headers: Headers) => {
    const res = await req(path, { method: 'POST', body, headers });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  await post('/api/cycles', { ...CYCLE, id: cycleId }, admin);
  const project = await post(
    `/api/cycles/${cycleId}/projects`,
    {
      externalId: 'SHIGA-2026-01',
      title: { vi: 'Xử lý nước thải', ja: '排水処理', en: 'Wastewater' },
      priorityField: { locality: 'VN-HANOI', sector: 'environment.water' },
      parties: [
        { role: 'lead', locality: 'VN-HANOI' },
        { role: 'partner', locality: 'JP-25' },
      ],
      contacts: [
        { side: 'vn', email: 'vn-contact@example.org', language: 'vi' },
        { side: 'jp', email: 'jp-contact@example.org', language: 'ja' },
      ],
      plannedStart: '2026-01-15',
    },
    editor,
  );
  const milestones = [];
  for (const [title, dueOn, weight] of [
    ['=Survey', '2026-11-30', 2],
    ['Pilot plant', '2027-03-31', 1],
  ] as const)
    milestones.push(
      await post(`/api/projects/${project.id}/milestones`, { title: { en: title }, dueOn, weight }, editor),
    );
  return { projectId: project.id as string, milestones: milestones as { id: string; version: number }[] };
}
