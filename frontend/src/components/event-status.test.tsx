import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { EventView } from '../lib/api-types'
import { AvailabilityBadge } from './event-status'

function event(status: EventView['status'], capacity: number, remaining: number): EventView {
  return {
    id: 7, name: 'Tiny Club Show', description: 'Loud.', location: 'SO36, Berlin', startsAt: '2027-03-01T18:00:00Z', endsAt: '2027-03-01T22:00:00Z',
    saleStartsAt: '2027-01-01T10:00:00Z', saleEndsAt: '2027-03-01T18:00:00Z', transferLocked: false, priceWei: '10000000000000000',
    organizer: '0xabc', status, availability: { capacity, sold: capacity - remaining, remaining }, chain: { eventId: '7', status: 'CONFIRMED' },
    createdAt: '2027-01-01T10:00:00Z', updatedAt: '2027-01-01T10:00:00Z', version: 1,
    purchases: { paused: false, reason: null },
  }
}

/** The badge's text and colour for an event. */
function badge(e: EventView) {
  const { container, unmount } = render(<AvailabilityBadge event={e} />)
  const span = container.firstElementChild as HTMLElement
  const seen = { text: span.textContent, tone: /bg-(\w+)-100/.exec(span.className)?.[1] }
  unmount()
  return seen
}

describe('availability badge', () => {
  it('says Cancelled or Ended before anything about tickets', () => {
    expect(badge(event('CANCELLED', 100, 0))).toEqual({ text: 'Cancelled', tone: 'red' })
    expect(badge(event('CANCELLED', 100, 80))).toEqual({ text: 'Cancelled', tone: 'red' })
    expect(badge(event('FINISHED', 100, 0))).toEqual({ text: 'Ended', tone: 'slate' })
    expect(badge(event('FINISHED', 100, 40))).toEqual({ text: 'Ended', tone: 'slate' })
  })

  it('says Sold out when nothing is left', () => {
    expect(badge(event('SCHEDULED', 2, 0))).toEqual({ text: 'Sold out', tone: 'amber' })
    expect(badge(event('SCHEDULED', 10_000, 0))).toEqual({ text: 'Sold out', tone: 'amber' })
  })

  it('warns with Only n left at 5 or 10% of the capacity, whichever is more', () => {
    expect(badge(event('SCHEDULED', 2, 1))).toEqual({ text: 'Only 1 left', tone: 'amber' })
    expect(badge(event('SCHEDULED', 20, 5))).toEqual({ text: 'Only 5 left', tone: 'amber' })
    expect(badge(event('SCHEDULED', 20, 6))).toEqual({ text: '6 available', tone: 'emerald' })
    expect(badge(event('SCHEDULED', 100, 10))).toEqual({ text: 'Only 10 left', tone: 'amber' })
    expect(badge(event('SCHEDULED', 100, 11))).toEqual({ text: '11 available', tone: 'emerald' })
  })

  it('says how many are available otherwise', () => {
    expect(badge(event('SCHEDULED', 100, 100))).toEqual({ text: '100 available', tone: 'emerald' })
  })
})
