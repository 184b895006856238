import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../lib/api'
import type { EventView } from '../../lib/api-types'
import { EventForm, formValues, toRequest } from './event-form'

const event: EventView = {
  id: 3, name: 'Harbour Jazz', description: 'Live', location: 'Hamburg', startsAt: '2027-03-01T18:00:00Z', endsAt: '2027-03-01T22:00:00Z',
  saleStartsAt: '2027-01-01T10:00:00Z', saleEndsAt: '2027-03-01T18:00:00Z', transferLocked: true, priceWei: '15000000000000000',
  organizer: '0xabc', status: 'SCHEDULED', availability: { capacity: 80, sold: 2, remaining: 78 }, chain: { eventId: '3', status: 'CONFIRMED' },
  purchases: { paused: false, reason: null }, createdAt: '2027-01-01T10:00:00Z', updatedAt: '2027-01-01T10:00:00Z', version: 4,
}

describe('event form', () => {
  it('converts what the organizer typed into the API request (ETH to wei, local times to instants)', () => {
    const values = formValues(event)
    expect(values.price).toBe('0.015')
    // Default sale window (creation → start) stays empty so it keeps following the start.
    expect(values.saleStartsAt).toBe('')
    expect(values.saleEndsAt).toBe('')
    expect(toRequest(values)).toMatchObject({
      priceWei: '15000000000000000',
      capacity: 80,
      startsAt: '2027-03-01T18:00:00.000Z',
      saleStartsAt: null,
      saleEndsAt: null,
      transferLocked: true,
    })
  })

  it('checks the fields before sending anything', async () => {
    const onSubmit = vi.fn()
    render(<EventForm initial={formValues()} editing={false} submitLabel="Publish event" onSubmit={onSubmit} error={null} />)
    await userEvent.type(screen.getByLabelText('Ticket price (ETH)'), 'ten')
    await userEvent.click(screen.getByRole('button', { name: 'Publish event' }))
    expect(await screen.findByText('Give the event a name')).toBeVisible()
    expect(screen.getByText('A number of ETH, e.g. 0.01')).toBeVisible()
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true')
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('shows the API field errors next to their fields and the problem above the button', () => {
    const error = new ApiError(400, {
      title: 'Request is invalid',
      detail: 'Request has invalid fields: startsAt, priceWei',
      errors: { startsAt: 'must be in the future', priceWei: 'must be at most 10^30' },
    })
    render(<EventForm initial={formValues(event)} editing submitLabel="Save changes" onSubmit={vi.fn()} error={error} />)
    expect(screen.getByText('must be in the future')).toBeVisible()
    expect(screen.getByLabelText('Starts')).toHaveAccessibleDescription('must be in the future')
    expect(screen.getByLabelText('Ticket price (ETH)')).toHaveAccessibleDescription('must be at most 10^30')
    expect(screen.getByRole('alert')).toHaveTextContent('Request is invalid')
    expect(screen.getByLabelText(/cannot be transferred/)).toBeDisabled()
  })
})
