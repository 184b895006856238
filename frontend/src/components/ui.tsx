import { clsx } from 'clsx'
import type { ButtonHTMLAttributes, HTMLAttributes, ReactNode } from 'react'

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost'

const variants: Record<Variant, string> = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800 disabled:bg-slate-400',
  secondary: 'bg-white text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50 disabled:text-slate-500',
  danger: 'bg-red-700 text-white hover:bg-red-800 disabled:bg-slate-400',
  ghost: 'text-brand-700 hover:bg-brand-50 disabled:text-slate-500',
}

export function Button({
  variant = 'primary',
  busy = false,
  className,
  children,
  disabled,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; busy?: boolean }) {
  return (
    <button
      type="button"
      {...props}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={clsx(
        'inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed',
        variants[variant],
        className,
      )}
    >
      {busy && <Spinner small />}
      {children}
    </button>
  )
}

export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div {...props} className={clsx('rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200', className)} />
}

type Tone = 'neutral' | 'green' | 'red' | 'amber' | 'blue'
const tones: Record<Tone, string> = {
  neutral: 'bg-slate-100 text-slate-800',
  green: 'bg-emerald-100 text-emerald-900',
  red: 'bg-red-100 text-red-900',
  amber: 'bg-amber-100 text-amber-900',
  blue: 'bg-brand-100 text-brand-800',
}

export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return (
    <span className={clsx('inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold', tones[tone])}>
      {children}
    </span>
  )
}

export function Spinner({ small = false, label }: { small?: boolean; label?: string }) {
  return (
    <span role={label ? 'status' : undefined} className="inline-flex items-center gap-2">
      <span
        aria-hidden="true"
        className={clsx(
          'inline-block animate-spin rounded-full border-2 border-current border-r-transparent',
          small ? 'h-4 w-4' : 'h-6 w-6',
        )}
      />
      {label && <span className="text-sm text-slate-700">{label}</span>}
    </span>
  )
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="flex justify-center py-12 text-brand-700">
      <Spinner label={label} />
    </div>
  )
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <p className="text-base font-semibold text-slate-900">{title}</p>
      {children && <div className="mt-2 text-sm text-slate-700">{children}</div>}
    </div>
  )
}

export function Alert({
  tone = 'red',
  title,
  children,
  action,
}: {
  tone?: 'red' | 'amber' | 'green' | 'blue'
  title: string
  children?: ReactNode
  action?: ReactNode
}) {
  const styles = {
    red: 'bg-red-50 text-red-900 ring-red-200',
    amber: 'bg-amber-50 text-amber-950 ring-amber-200',
    green: 'bg-emerald-50 text-emerald-950 ring-emerald-200',
    blue: 'bg-brand-50 text-brand-800 ring-brand-100',
  }[tone]
  return (
    <div role={tone === 'red' ? 'alert' : 'status'} className={clsx('rounded-xl p-4 text-sm ring-1', styles)}>
      <p className="font-semibold">{title}</p>
      {children && <div className="mt-1">{children}</div>}
      {action && <div className="mt-3">{action}</div>}
    </div>
  )
}

export function PageTitle({ children, subtitle }: { children: ReactNode; subtitle?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-950 sm:text-3xl">{children}</h1>
      {subtitle && <p className="mt-1 text-slate-700">{subtitle}</p>}
    </div>
  )
}

export function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <div className="rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200">
      <dt className="text-xs font-medium text-slate-700">{label}</dt>
      <dd className="mt-1 text-base font-semibold text-slate-950 sm:text-lg">{value}</dd>
      {hint && <dd className="text-xs text-slate-700">{hint}</dd>}
    </div>
  )
}
