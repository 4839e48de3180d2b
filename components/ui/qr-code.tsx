/**
 * A QR code to scan with a phone, and the same content as text to copy for those who cannot scan. The
 * image is a data: URL made on the server, so nothing leaves the Manager.
 */
export function QrCode({ src, alt, caption, text, testId }: { src: string; alt: string; caption: string; text: string; testId?: string }) {
  return (
    <>
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={src} alt={alt} width={220} height={220} className="rounded border border-slate-200" />
      <div>
        <p className="text-sm">{caption}</p>
        <p className="mt-1 select-all break-all font-mono text-sm" data-testid={testId}>
          {text}
        </p>
      </div>
    </>
  );
}
