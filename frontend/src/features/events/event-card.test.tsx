import { render, screen, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { EventView } from '../../lib/api-types'
import { EventCard } from './event-card'

function event(status: EventView['status'], capacity: number, remaining: number): EventView {
  return {
    id: 7, name: 'Tiny Club Show', description: 'Loud.', location: 'SO36, Berlin', startsAt: '2027-03-01T18:00:00Z', endsAt: '2027-03-01T22:00:00Z',
    saleStartsAt: '2027-01-01T10:00:00Z', saleEndsAt: '2027-03-01T18:00:00Z', transferLocked: false, priceWei: '10000000000000000',
    organizer: '0xabc', status, availability: { capacity, sold: capacity - remaining, remaining }, chain: { eventId: '7', status: 'CONFIRMED' },
    createdAt: '2027-01-01T10:00:00Z', updatedAt: '2027-01-01T10:00:00Z', version: 1,
    purchases: { paused: false, reason: null },
  }
}

describe('event card', () => {
  it('shows date, place, price and the availability badge inside its link', () => {
    render(
      <MemoryRouter>
        <ul>
          <EventCard event={event('SCHEDULED', 2, 0)} />
        </ul>
      </MemoryRouter>,
    )
    const link = screen.getByRole('link', { name: /Tiny Club Show/ })
    expect(link).toHaveAttribute('href', '/events/7')
    expect(within(link).getByText('Sold out')).toBeVisible()
    expect(within(link).getByText('0.01 ETH')).toBeVisible()
    expect(within(link).getByText('SO36, Berlin')).toBeVisible()
    expect(link.querySelector('time')).toHaveAttribute('datetime', '2027-03-01T18:00:00Z')
  })
})
