export type IconAlertTriangleProps = {
  size?: number;
};

/** A small warning triangle (the app has no icon set; this one is drawn inline). */
export function IconAlertTriangle({ size = 14 }: IconAlertTriangleProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      style={{ flex: 'none' }}
    >
      <path d="M12 3 2 21h20L12 3z" />
      <path d="M12 10v5" />
      <path d="M12 18h.01" />
    </svg>
  );
}
