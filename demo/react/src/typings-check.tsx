// Never rendered: it proves that tsc checks the kit's elements against
// 'intelliprove-widgets/react'. Each marked line must fail type-checking; if the typings
// stopped biting, @ts-expect-error would itself be an error and `npm run build` would fail.
export function TypingsCheck() {
  return (
    <>
      {/* @ts-expect-error `details` is a boolean */}
      <ip-metric-gauge metric="mental_stress" details="x" />
      {/* @ts-expect-error `unit-system` is 'metric' | 'imperial' */}
      <ip-biomarker-card biomarker="weight" unit-system="stones" />
      {/* @ts-expect-error an ip-scan-complete listener gets a CustomEvent<{ faceScanId }> */}
      <ip-face-scan onip-scan-complete={(event: MouseEvent) => event.clientX} />
      {/* @ts-expect-error `limit` is a number */}
      <ip-recommendations limit="three" />
      {/* @ts-expect-error an ip-load listener gets a CustomEvent<IpLoadDetail> */}
      <ip-recommendations onip-load={(event: KeyboardEvent) => event.key} />
    </>
  );
}
