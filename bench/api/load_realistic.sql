-- Loads :events events the way a grown catalogue looks: most in the past (start dates spread over the
-- last five years), about 3% upcoming (the next 180 days), 1% cancelled; 2,000 organizers; names and
-- places drawn from a larger vocabulary (100 genres x 30 kinds, 200 cities, 60 adjectives), so a
-- genre matches about 1 event in 100 ("jazz" is one of them). Whether an event is upcoming or cancelled comes from
-- a multiplicative hash of its number, independent of its genre (i % 100), so a search finds ~3% of its matches upcoming.
\set ON_ERROR_STOP on
insert into users (address, role)
select '0x' || lpad(to_hex(o), 40, '0'), 'ORGANIZER' from generate_series(1, 2000) o
on conflict (address) do nothing;

with v as (
  select array(select initcap(w) from unnest(string_to_array(
           'jazz rock techno classical blues folk hiphop opera comedy poetry blockchain design startup science film '
        || 'food wine yoga chess salsa tango reggae punk metal soul funk disco house trance ambient gospel country '
        || 'bluegrass swing baroque choir orchestra piano guitar violin drums dance ballet theatre circus magic '
        || 'painting sculpture photography architecture fashion craft beer coffee tea cheese chocolate baking '
        || 'vegan bbq sushi pasta ramen tapas cocktails running cycling climbing surfing sailing hiking football '
        || 'basketball tennis boxing esports gaming anime comics books history philosophy math physics biology '
        || 'astronomy robotics ai security cloud devops rust java python javascript data crypto marketing finance '
        || 'health', ' ')) w) as genres,
         array['Night', 'Festival', 'Conference', 'Meetup', 'Workshop', 'Concert', 'Party', 'Summit', 'Tour',
               'Session', 'Showcase', 'Fair', 'Market', 'Gala', 'Retreat', 'Camp', 'Hackathon', 'Expo', 'Forum',
               'Jam', 'Rave', 'Recital', 'Premiere', 'Screening', 'Tasting', 'Class', 'Lecture', 'Marathon',
               'Cup', 'Weekend'] as kinds,
         array(select 'City' || c from generate_series(1, 200) c) as cities,
         array(select 'Adj' || a from generate_series(1, 60) a) as adjectives
)
insert into events (organizer_address, name, description, location, starts_at, ends_at, price_wei, capacity,
                    status, tickets_sold)
select '0x' || lpad(to_hex(1 + ((i::bigint * 7919) % 2000)::int), 40, '0'),
       v.adjectives[1 + (i * 13) % 60] || ' ' || v.genres[1 + i % 100] || ' ' || v.kinds[1 + (i / 100) % 30] || ' #' || i,
       'An evening of ' || lower(v.genres[1 + (i * 7) % 100]) || ' and ' || lower(v.genres[1 + (i * 11) % 100])
           || ' with friends from ' || v.cities[1 + (i * 3) % 200] || '. '
           || repeat('Doors open an hour before; food and drinks are served all night. ', 1 + i % 4),
       'Hall ' || (i % 50) || ', ' || v.cities[1 + (i / 7) % 200],
       s.starts_at, s.starts_at + interval '3 hours',
       (i % 100) * 1000000000000000::numeric,
       100 + i % 900,
       case when (s.h / 100) % 100 = 7 then 'CANCELLED' else 'SCHEDULED' end,
       case when s.starts_at < now() then 100 + i % 900 - (i % 5) * 10 else (i % 3) * 10 end
from generate_series(1, :events) i
cross join v
cross join lateral (select (i::bigint * 2654435761) % 4294967296 as h) hash
cross join lateral (select hash.h,
                           case when hash.h % 100 < 3
                               then now() + ((i * 31) % (180 * 24)) * interval '1 hour'
                               else now() - ((i * 31) % (5 * 365 * 24) + 1) * interval '1 hour' end as starts_at) s;

vacuum analyze events;
vacuum analyze users;
