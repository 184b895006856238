import { useEffect, useId, type ReactNode } from 'react'
import { useForm, type FieldPath, type UseFormRegisterReturn } from 'react-hook-form'
import { ProblemAlert } from '../../components/problem-alert'
import { Button } from '../../components/ui'
import { ApiError } from '../../lib/api'
import type { EventRequest, EventView } from '../../lib/api-types'
import { fromLocalInput, parseEthInput, toLocalInput, weiToEthInput } from '../../lib/format'

/** What the form holds: text as typed (ETH, local date-times); converted to the API's request on submit. */
export interface EventFormValues {
  name: string
  description: string
  location: string
  startsAt: string
  endsAt: string
  price: string
  capacity: string
  saleStartsAt: string
  saleEndsAt: string
  transferLocked: boolean
}

const API_FIELD: Record<string, FieldPath<EventFormValues>> = {
  name: 'name',
  description: 'description',
  location: 'location',
  startsAt: 'startsAt',
  endsAt: 'endsAt',
  priceWei: 'price',
  capacity: 'capacity',
  saleStartsAt: 'saleStartsAt',
  saleEndsAt: 'saleEndsAt',
  transferLocked: 'transferLocked',
}

export function formValues(event?: EventView): EventFormValues {
  if (!event) {
    return { name: '', description: '', location: '', startsAt: '', endsAt: '', price: '', capacity: '100', saleStartsAt: '', saleEndsAt: '', transferLocked: false }
  }
  return {
    name: event.name,
    description: event.description,
    location: event.location,
    startsAt: toLocalInput(event.startsAt),
    endsAt: toLocalInput(event.endsAt),
    price: weiToEthInput(event.priceWei),
    capacity: String(event.availability.capacity),
    // The API shows the window in effect; a default (open at creation, close at the start) stays empty, so it keeps
    // following the start when that moves.
    saleStartsAt: Math.abs(Date.parse(event.saleStartsAt) - Date.parse(event.createdAt)) < 1000 ? '' : toLocalInput(event.saleStartsAt),
    saleEndsAt: event.saleEndsAt === event.startsAt ? '' : toLocalInput(event.saleEndsAt),
    transferLocked: event.transferLocked,
  }
}

/** The API request for the form; only called after validation passed. */
export function toRequest(values: EventFormValues): EventRequest {
  return {
    name: values.name.trim(),
    description: values.description,
    location: values.location.trim(),
    startsAt: fromLocalInput(values.startsAt) ?? '',
    endsAt: fromLocalInput(values.endsAt) ?? '',
    priceWei: (parseEthInput(values.price) ?? 0n).toString(),
    capacity: Number(values.capacity),
    saleStartsAt: fromLocalInput(values.saleStartsAt),
    saleEndsAt: fromLocalInput(values.saleEndsAt),
    transferLocked: values.transferLocked,
  }
}

const input =
  'mt-1 block w-full min-h-11 rounded-lg border bg-white px-3 py-2 text-sm text-slate-950 shadow-sm aria-[invalid=true]:border-red-600 border-slate-300'

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}

export function EventForm({
  initial,
  editing,
  submitLabel,
  onSubmit,
  error,
  extra,
}: {
  initial: EventFormValues
  editing: boolean
  submitLabel: string
  onSubmit: (request: EventRequest) => Promise<void>
  error: unknown
  extra?: ReactNode
}) {
  const id = useId()
  const form = useForm<EventFormValues>({ defaultValues: initial, mode: 'onBlur' })
  const { register, handleSubmit, formState, setError, getValues } = form
  const errors = formState.errors

  // Server field errors go next to their fields.
  useEffect(() => {
    if (error instanceof ApiError) {
      for (const [field, message] of Object.entries(error.fieldErrors)) {
        const target = API_FIELD[field]
        if (target) setError(target, { type: 'server', message })
      }
    }
  }, [error, setError])

  const a11y = (name: keyof EventFormValues, hint = false) => ({
    id: `${id}-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${id}-${name}-error` : hint ? `${id}-${name}-hint` : undefined,
  })
  const field = (name: keyof EventFormValues, registration: UseFormRegisterReturn, hint?: string) => ({ ...a11y(name, !!hint), ...registration })
  const unknownField = error instanceof ApiError && Object.keys(error.fieldErrors).some((f) => !API_FIELD[f])

  return (
    <form
      noValidate
      onSubmit={handleSubmit(async (values) => {
        await onSubmit(toRequest(values))
      })}
      className="space-y-4"
      aria-label={editing ? 'Edit event' : 'New event'}
    >
      <Field id={`${id}-name`} label="Name" error={errors.name?.message}>
        <input className={input} {...field('name', register('name', { required: 'Give the event a name', maxLength: { value: 200, message: 'At most 200 characters' } }))} />
      </Field>
      <Field id={`${id}-description`} label="Description" error={errors.description?.message} hint="What buyers should know: program, age limits, what is included.">
        <textarea rows={4} className={input} {...field('description', register('description', { maxLength: { value: 10_000, message: 'At most 10,000 characters' } }), 'hint')} />
      </Field>
      <Field id={`${id}-location`} label="Venue" error={errors.location?.message}>
        <input className={input} {...field('location', register('location', { required: 'Where does it take place?', maxLength: { value: 200, message: 'At most 200 characters' } }))} />
      </Field>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field id={`${id}-startsAt`} label="Starts" error={errors.startsAt?.message}>
          <input type="datetime-local" className={input} {...field('startsAt', register('startsAt', { required: 'When does it start?' }))} />
        </Field>
        <Field id={`${id}-endsAt`} label="Ends" error={errors.endsAt?.message}>
          <input
            type="datetime-local"
            className={input}
            {...field(
              'endsAt',
              register('endsAt', {
                required: 'When does it end?',
                validate: (v) => !getValues('startsAt') || !v || new Date(v) > new Date(getValues('startsAt')) || 'Must be after the start',
              }),
            )}
          />
        </Field>
        <Field id={`${id}-price`} label="Ticket price (ETH)" error={errors.price?.message} hint="0 for a free event.">
          <input
            inputMode="decimal"
            className={input}
            {...field('price', register('price', { required: 'Set a price (0 for free)', validate: (v) => parseEthInput(v) !== null || 'A number of ETH, e.g. 0.01' }), 'hint')}
          />
        </Field>
        <Field id={`${id}-capacity`} label="Tickets" error={errors.capacity?.message}>
          <input
            type="number"
            min={1}
            max={1_000_000}
            className={input}
            {...field(
              'capacity',
              register('capacity', {
                required: 'How many tickets?',
                validate: (v) => (Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 1_000_000) || 'Between 1 and 1,000,000',
              }),
            )}
          />
        </Field>
        <Field id={`${id}-saleStartsAt`} label="Sales open (optional)" error={errors.saleStartsAt?.message} hint="Empty: right away.">
          <input type="datetime-local" className={input} {...field('saleStartsAt', register('saleStartsAt'), 'hint')} />
        </Field>
        <Field id={`${id}-saleEndsAt`} label="Sales close (optional)" error={errors.saleEndsAt?.message} hint="Empty: when the event starts.">
          <input type="datetime-local" className={input} {...field('saleEndsAt', register('saleEndsAt'), 'hint')} />
        </Field>
      </div>
      <div>
        <label className="flex min-h-11 items-center gap-3 text-sm font-medium text-slate-800">
          <input type="checkbox" className="h-5 w-5" disabled={editing} {...register('transferLocked')} />
          Tickets cannot be transferred until the event ends
        </label>
        <p className="text-xs text-slate-700">{editing ? 'Fixed when the event was created.' : 'Stops resale before the event. Cannot be changed later.'}</p>
        {errors.transferLocked?.message && <p className="mt-1 text-sm font-medium text-red-700">{errors.transferLocked.message}</p>}
      </div>
      {error && (!(error instanceof ApiError) || unknownField || Object.keys(error.fieldErrors).length === 0) ? (
        <ProblemAlert error={error} action={extra} />
      ) : error instanceof ApiError ? (
        <ProblemAlert error={error} fieldsShown />
      ) : null}
      <Button type="submit" busy={formState.isSubmitting} className="w-full sm:w-auto">
        {submitLabel}
      </Button>
    </form>
  )
}
