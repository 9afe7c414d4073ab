interface PeriodFieldsProps {
  /** The form's useId(); the inputs are `${id}-from` and `${id}-to`. */
  id: string;
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
  onFrom: (value: string) => void;
  onTo: (value: string) => void;
}

/**
 * A period of two date inputs. A period that ends before it starts is refused by the browser
 * (each bound limits the other) before anything is searched.
 */
export function PeriodFields({ id, from, to, fromLabel, toLabel, onFrom, onTo }: PeriodFieldsProps) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-from`}>{fromLabel}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={from}
          max={to || undefined}
          onChange={(e) => onFrom(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{toLabel}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={to}
          min={from || undefined}
          onChange={(e) => onTo(e.target.value)}
        />
      </div>
    </>
  );
}

/** A filter form's two buttons: apply (submit) and reset. */
export function FilterActions({
  apply,
  reset,
  onReset,
}: {
  apply: string;
  reset: string;
  onReset: () => void;
}) {
  return (
    <div className="filters-actions">
      <button type="submit" className="button">
        {apply}
      </button>
      <button type="button" className="button button-secondary" onClick={onReset}>
        {reset}
      </button>
    </div>
  );
}
