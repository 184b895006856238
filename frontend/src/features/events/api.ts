import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { get, query } from '../../lib/api'
import type { EventPage } from '../../lib/api-types'
import { apiParams, type EventFilters } from './search-params'

export function useEventList(filters: EventFilters) {
  const params = apiParams(filters)
  return useQuery({
    queryKey: ['events', params],
    queryFn: ({ signal }) => get<EventPage>(`/api/events${query(params)}`, { signal }),
    placeholderData: keepPreviousData,
  })
}
