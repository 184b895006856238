-- pgbench: the database work of one GET /api/events?q=jazz&page=1&size=20, the API's own SQL (EventSearch:
-- upcoming events only, the first 1,000 matches ranked and counted in the same query).
select r.* from (
  select c.id, c.organizer_address, c.name, c.description, c.location, c.starts_at, c.ends_at, c.price_wei,
       c.capacity, c.tickets_sold, c.status, c.chain_event_id, c.chain_status, c.created_at, c.updated_at, c.version,
       c.sale_starts_at, c.sale_ends_at, c.transfer_locked,
         ts_rank(c.search_vector, websearch_to_tsquery('english', 'jazz')) as rank, count(*) over () as total_count
  from (select e.id, e.organizer_address, e.name, e.description, e.location, e.starts_at, e.ends_at, e.price_wei,
       e.capacity, e.tickets_sold, e.status, e.chain_event_id, e.chain_status, e.created_at, e.updated_at, e.version,
       e.sale_starts_at, e.sale_ends_at, e.transfer_locked, e.search_vector
        from events e
        where e.search_vector @@ websearch_to_tsquery('english', 'jazz') and not e.archived and e.status = 'SCHEDULED' and greatest(e.ends_at, e.starts_at) > now()
        limit 1000) c) r
order by r.rank desc, r.starts_at asc, r.id asc
limit 21 offset 20;
