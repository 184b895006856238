import { describe, expect, it } from 'vitest'
import { apiParams, readFilters, writeFilters } from './search-params'

describe('events list URL', () => {
  it('round-trips the filters through the URL and leaves defaults out', () => {
    const filters = readFilters(new URLSearchParams('q=jazz&status=any&available=true&maxPrice=0.05&location=Ber&sort=price,asc&page=3'))
    expect(filters).toMatchObject({ q: 'jazz', status: 'any', available: true, maxPrice: '0.05', location: 'Ber', sort: 'price,asc', page: 3 })
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
})
