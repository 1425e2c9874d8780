export function FullPageLoader() {
  return (
    <div className="center-page" role="status" aria-live="polite">
      <span className="spinner spinner-lg" aria-hidden="true" />
      <span className="visually-hidden">Loading Keyward…</span>
    </div>
  );
}
