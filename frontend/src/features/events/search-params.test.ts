import { describe, expect, it } from 'vitest'
import { apiParams, filterProblems, readFilters, writeFilters } from './search-params'

describe('events list URL', () => {
  it('round-trips the filters through the URL and leaves defaults out', () => {
    const filters = readFilters(new URLSearchParams('q=jazz&status=any&available=true&maxPrice=0.05&location=Ber&sort=price,asc&page=3'))
    expect(filters).toMatchObject({ q: 'jazz', status: 'any', available: 'left', maxPrice: '0.05', location: 'Ber', sort: 'price,asc', page: 3 })
    expect(writeFilters(filters).toString()).toBe('q=jazz&status=any&available=true&maxPrice=0.05&location=Ber&sort=price%2Casc&page=3')
    expect(writeFilters(readFilters(new URLSearchParams())).toString()).toBe('')
  })

  it('ignores values the API would refuse', () => {
    const filters = readFilters(new URLSearchParams('status=bogus&sort=name,asc&page=-2'))
    expect(filters).toMatchObject({ status: 'upcoming', sort: '', page: 1 })
  })

  it('asks the API for wei, zero-based pages and upcoming events by default', () => {
    expect(apiParams(readFilters(new URLSearchParams('maxPrice=0.05&page=2')))).toMatchObject({
      status: 'SCHEDULED',
      priceMax: '50000000000000000',
      page: 1,
      size: 12,
    })
    expect(apiParams(readFilters(new URLSearchParams('status=any&maxPrice=abc'))).priceMax).toBeUndefined()
    expect(apiParams(readFilters(new URLSearchParams('status=any'))).status).toBeUndefined()
    expect(apiParams(readFilters(new URLSearchParams('status=any'))).includePast).toBe(true)
    expect(apiParams(readFilters(new URLSearchParams())).includePast).toBeUndefined()
  })

  it('keeps the end date, min price, organizer and sold-out-only in the URL and sends them to the API', () => {
    const organizer = '0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266'
    const url = `from=2027-03-01&to=2027-03-31&minPrice=0.01&maxPrice=0.05&organizer=${organizer}&available=false`
    const filters = readFilters(new URLSearchParams(url))
    expect(filters).toMatchObject({ from: '2027-03-01', to: '2027-03-31', minPrice: '0.01', maxPrice: '0.05', organizer, available: 'soldout' })
    // Back to the same URL (leaving defaults out), in the form's order.
    expect(writeFilters(filters).toString()).toBe(
      `available=false&minPrice=0.01&maxPrice=0.05&from=2027-03-01&to=2027-03-31&organizer=${organizer}`,
    )
    expect(readFilters(writeFilters(filters))).toEqual(filters)

    const api = apiParams(filters)
    expect(api).toMatchObject({
      status: 'SCHEDULED',
      available: false,
      priceMin: '10000000000000000',
      priceMax: '50000000000000000',
      // The whole last day counts: from its first to its last millisecond, in the browser's time zone.
      startsFrom: new Date('2027-03-01T00:00:00.000').toISOString(),
      startsTo: new Date('2027-03-31T23:59:59.999').toISOString(),
      organizer: organizer.toLowerCase(),
    })
    expect(filterProblems(filters)).toEqual({})
  })

  it('asks for tickets left, sold out only, or either', () => {
    expect(readFilters(new URLSearchParams('available=true')).available).toBe('left')
    expect(readFilters(new URLSearchParams('available=false')).available).toBe('soldout')
    expect(readFilters(new URLSearchParams('available=maybe')).available).toBe('any')
    expect(apiParams(readFilters(new URLSearchParams('available=true'))).available).toBe(true)
    expect(apiParams(readFilters(new URLSearchParams('available=false'))).available).toBe(false)
    expect(apiParams(readFilters(new URLSearchParams())).available).toBeUndefined()
    expect(writeFilters(readFilters(new URLSearchParams('available=maybe'))).toString()).toBe('')
  })

  it('sends nothing it cannot stand behind, and says what is wrong with it', () => {
    const filters = readFilters(new URLSearchParams('minPrice=cheap&maxPrice=0.01&organizer=0x1234&to=someday'))
    const api = apiParams(filters)
    expect(api.priceMin).toBeUndefined()
    expect(api.organizer).toBeUndefined()
    expect(api.startsTo).toBeUndefined()
    expect(filterProblems(filters)).toEqual({
      minPrice: 'A number of ETH, e.g. 0.01',
      organizer: 'A wallet address: 0x followed by 40 hex characters',
    })
    expect(filterProblems(readFilters(new URLSearchParams('minPrice=0.05&maxPrice=0.01'))).maxPrice).toBe('At least the min price')
    expect(filterProblems(readFilters(new URLSearchParams('from=2027-03-02&to=2027-03-01'))).to).toBe('On or after the first day')
    // A single day is a valid range.
    expect(filterProblems(readFilters(new URLSearchParams('from=2027-03-01&to=2027-03-01')))).toEqual({})
  })
})
