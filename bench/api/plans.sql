-- The SQL EventSearch and Events run for the benchmark's cases, with their plans (EXPLAIN ANALYZE, BUFFERS).
-- Keep it in step with EventSearch: run.sh appends the output to its results file.
\set ON_ERROR_STOP on
\echo '== list_search: GET /api/events?q=jazz&page=1&size=20 (upcoming only; the first 1,000 matches ranked and counted)'
explain (analyze, buffers)
select e.id, e.organizer_address, e.name, e.description, e.location, e.starts_at, e.ends_at, e.price_wei,
       e.capacity, e.tickets_sold, e.status, e.chain_event_id, e.chain_status, e.created_at, e.updated_at, e.version,
       e.sale_starts_at, e.sale_ends_at, e.transfer_locked, r.rank, r.total_count
from (
  select c.id, c.starts_at, ts_rank(c.search_vector, websearch_to_tsquery('english', 'jazz')) as rank,
         count(*) over () as total_count
  from (select e.id, e.starts_at, e.search_vector
        from events e
        where e.search_vector @@ websearch_to_tsquery('english', 'jazz') and not e.archived and e.status = 'SCHEDULED' and greatest(e.ends_at, e.starts_at) > now()
        limit 1000) c
  order by rank desc, c.starts_at asc, c.id asc
  limit 21 offset 20) r
join events e on e.id = r.id
order by r.rank desc, r.starts_at asc, r.id asc;
\echo '== list_no_search: GET /api/events?page=1&size=20 (upcoming only; the page and one more row, then the capped count)'
explain (analyze, buffers)
select e.id, e.organizer_address, e.name, e.description, e.location, e.starts_at, e.ends_at, e.price_wei,
       e.capacity, e.tickets_sold, e.status, e.chain_event_id, e.chain_status, e.created_at, e.updated_at, e.version,
       e.sale_starts_at, e.sale_ends_at, e.transfer_locked
from events e where not e.archived and e.status = 'SCHEDULED' and greatest(e.ends_at, e.starts_at) > now()
order by e.starts_at asc, e.id asc limit 21 offset 20;
explain (analyze, buffers)
select count(*) from (select 1 from events e where not e.archived and e.status = 'SCHEDULED' and greatest(e.ends_at, e.starts_at) > now() limit 10001) c;
\echo '== list_search_past: GET /api/events?q=jazz&includePast=true&page=1&size=20 (the whole catalogue)'
explain (analyze, buffers)
select e.id, e.organizer_address, e.name, e.description, e.location, e.starts_at, e.ends_at, e.price_wei,
       e.capacity, e.tickets_sold, e.status, e.chain_event_id, e.chain_status, e.created_at, e.updated_at, e.version,
       e.sale_starts_at, e.sale_ends_at, e.transfer_locked, r.rank, r.total_count
from (
  select c.id, c.starts_at, ts_rank(c.search_vector, websearch_to_tsquery('english', 'jazz')) as rank,
         count(*) over () as total_count
  from (select e.id, e.starts_at, e.search_vector
        from events e
        where e.search_vector @@ websearch_to_tsquery('english', 'jazz')
        limit 1000) c
  order by rank desc, c.starts_at asc, c.id asc
  limit 21 offset 20) r
join events e on e.id = r.id
order by r.rank desc, r.starts_at asc, r.id asc;
\echo '== list_past_by_start: GET /api/events?includePast=true&sort=startsAt,desc&page=1&size=20, then the capped count'
explain (analyze, buffers)
select e.id, e.organizer_address, e.name, e.description, e.location, e.starts_at, e.ends_at, e.price_wei,
       e.capacity, e.tickets_sold, e.status, e.chain_event_id, e.chain_status, e.created_at, e.updated_at, e.version,
       e.sale_starts_at, e.sale_ends_at, e.transfer_locked
from events e order by e.starts_at desc, e.id desc limit 21 offset 20;
explain (analyze, buffers) select count(*) from (select 1 from events e limit 10001) c;
\echo '== detail: GET /api/events/{id}'
explain (analyze, buffers)
select e.id, e.organizer_address, e.name, e.description, e.location, e.starts_at, e.ends_at, e.price_wei,
       e.capacity, e.tickets_sold, e.status, e.chain_event_id, e.chain_status, e.created_at, e.updated_at, e.version,
       e.sale_starts_at, e.sale_ends_at, e.transfer_locked
from events e where e.id = (select min(id) + 1000 from events);
