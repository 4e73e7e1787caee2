// The judged seed queries of the gold file: a query passes when every `must`
// document is among the results, the `must_top1` document is first, and no
// `must_not` document appears.

export function judge(query, ids) {
  const failures = [];
  for (const id of query.must || []) if (!ids.includes(id)) failures.push(`missing ${id}`);
  if (query.must_top1 && ids[0] !== query.must_top1) {
    failures.push(`first is ${ids[0] ?? 'nothing'}, not ${query.must_top1}`);
  }
  for (const id of query.must_not || []) if (ids.includes(id)) failures.push(`has ${id}`);
  return { pass: failures.length === 0, failures };
}
