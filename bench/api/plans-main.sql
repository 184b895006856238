-- main before issue 13 (commit 0fda987): kept to measure the baseline (PLANS=bench/api/plans-main.sql).
-- The SQL EventSearch and Events run for the benchmark's cases, with their plans (EXPLAIN ANALYZE, BUFFERS).
-- Keep it in step with EventSearch: run.sh appends the output to its results file.
\set ON_ERROR_STOP on
\echo '== list_search: GET /api/events?q=jazz&page=1&size=20 (the ranked page, counted in the same query)'
explain (analyze, buffers)
select e.id, e.organizer_address, e.name, e.description, e.location, e.starts_at, e.ends_at, e.price_wei,
       e.capacity, e.tickets_sold, e.status, e.chain_event_id, e.chain_status, e.created_at, e.updated_at, e.version,
       e.sale_starts_at, e.sale_ends_at, e.transfer_locked, count(*) over () as total_count
from events e, websearch_to_tsquery('english', 'jazz') query
where e.search_vector @@ query
order by ts_rank(e.search_vector, query) desc, e.starts_at asc, e.id asc
limit 20 offset 20;
\echo '== list_no_search: GET /api/events?page=1&size=20 (the page, then the count because the page is full)'
explain (analyze, buffers)
select e.id, e.organizer_address, e.name, e.description, e.location, e.starts_at, e.ends_at, e.price_wei,
       e.capacity, e.tickets_sold, e.status, e.chain_event_id, e.chain_status, e.created_at, e.updated_at, e.version,
       e.sale_starts_at, e.sale_ends_at, e.transfer_locked
from events e
order by e.starts_at asc, e.id asc
limit 20 offset 20;
explain (analyze, buffers) select count(*) from events e;
\echo '== detail: GET /api/events/{id}'
explain (analyze, buffers)
select e.id, e.organizer_address, e.name, e.description, e.location, e.starts_at, e.ends_at, e.price_wei,
       e.capacity, e.tickets_sold, e.status, e.chain_event_id, e.chain_status, e.created_at, e.updated_at, e.version,
       e.sale_starts_at, e.sale_ends_at, e.transfer_locked
from events e where e.id = (select min(id) + 1000 from events);
