import { circleMarker, type CircleMarker, type LeafletMouseEvent } from 'leaflet';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCoordinate, pointOf, type LocationValue, type Point } from '../intake/intake-values.ts';
import { DEFAULT_CENTER, useMapConfig } from './map-config.ts';
import { useLeafletMap } from './use-leaflet-map.ts';

export interface LocationPickerProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required: boolean;
  value: LocationValue;
  onChange: (value: LocationValue) => void;
}

const toValue = (p: Point): LocationValue => ({ lat: formatCoordinate(p.lat), lon: formatCoordinate(p.lon) });

/**
 * A point on the map: click the map, press Enter on the focused map (the point goes to its
 * centre), use the device's position, or type the coordinates. Works without map tiles: the map
 * is then a blank grid, and the coordinate fields (or the form's address field) do the job.
 */
export function LocationPicker({ id, label, hint, error, required, value, onChange }: LocationPickerProps) {
  const { t } = useTranslation();
  const config = useMapConfig();
  const container = useRef<HTMLDivElement>(null);
  const point = pointOf(value);
  const map = useLeafletMap(container, config, point ?? DEFAULT_CENTER);
  const marker = useRef<CircleMarker | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    if (!map) return;
    const onClick = (e: LeafletMouseEvent) =>
      onChangeRef.current(toValue({ lat: e.latlng.lat, lon: e.latlng.lng }));
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
    };
  }, [map]);

  const lat = point?.lat ?? null;
  const lon = point?.lon ?? null;
  useEffect(() => {
    if (!map) return;
    marker.current?.remove();
    marker.current =
      lat !== null && lon !== null
        ? circleMarker([lat, lon], { radius: 9, weight: 3, color: '#9b1c1c', fillOpacity: 0.5 }).addTo(map)
        : null;
    if (lat !== null && lon !== null && !map.getBounds().contains([lat, lon]))
      map.panTo([lat, lon], { animate: false });
  }, [map, lat, lon]);

  const putAtCentre = () => {
    if (!map) return;
    const c = map.getCenter();
    onChange(toValue({ lat: c.lat, lon: c.lng }));
  };
  const onMapKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      putAtCentre();
    }
  };
  const useDevicePosition = () =>
    navigator.geolocation.getCurrentPosition((pos) =>
      onChange(toValue({ lat: pos.coords.latitude, lon: pos.coords.longitude })),
    );

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const howId = `${id}-how`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const noTiles = config !== null && config.tileUrl === null;

  return (
    <fieldset
      className={error ? 'field location-field field-invalid' : 'field location-field'}
      aria-describedby={describedBy}
    >
      <legend>
        {label}
        {required && (
          <>
            <span className="required-mark" aria-hidden="true">
              {' '}
              *
            </span>
            <span className="visually-hidden"> ({t('intake.requiredWord')})</span>
          </>
        )}
      </legend>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <p id={howId} className="field-hint">
        {noTiles ? t('map.howNoTiles') : t('map.how')}
      </p>
      <div
        ref={container}
        className={noTiles ? 'map map-blank' : 'map'}
        aria-label={t('map.pickerLabel')}
        aria-describedby={howId}
        onKeyDown={onMapKey}
      />
      <div className="location-tools">
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={putAtCentre}
          disabled={!map}
        >
          {t('map.putAtCentre')}
        </button>
        {'geolocation' in navigator && (
          <button type="button" className="button button-secondary button-small" onClick={useDevicePosition}>
            {t('map.useMyPosition')}
          </button>
        )}
        {point && (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => onChange({ lat: '', lon: '' })}
          >
            {t('map.clearPoint')}
          </button>
        )}
      </div>
      <div className="coordinates">
        <div className="field">
          <label htmlFor={`${id}-lat`}>{t('map.latitude')}</label>
          <input
            id={`${id}-lat`}
            inputMode="decimal"
            autoComplete="off"
            value={value.lat}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange({ ...value, lat: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-lon`}>{t('map.longitude')}</label>
          <input
            id={`${id}-lon`}
            inputMode="decimal"
            autoComplete="off"
            value={value.lon}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange({ ...value, lon: e.target.value })}
          />
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {point ? t('map.pointSet', { lat: value.lat, lon: value.lon }) : ''}
      </p>
    </fieldset>
  );
}
